package org.rpmsync.tenovi;

/**
 * A call to Tenovi did not give a usable answer, and why ({@link Kind}): it could not be reached, kept rate limiting
 * us, refused the API key, pointed somewhere we do not follow, kept failing, or we were stopping. The message is a
 * sentence people may see; it never holds the key.
 */
public class TenoviUnavailable extends RuntimeException {

    /** Why the call gave up. */
    public enum Kind { UNREACHABLE, THROTTLED, KEY_REJECTED, CONFIGURATION, GAVE_UP, INTERRUPTED }

    private final Kind kind;

    TenoviUnavailable(String reason, Throwable cause) {
        this(Kind.UNREACHABLE, reason, cause);
    }

    TenoviUnavailable(Kind kind, String reason) {
        this(kind, reason, null);
    }

    private TenoviUnavailable(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
