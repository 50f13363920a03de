package org.rpmsync.tenovi;

import org.rpmsync.cluster.PacingUnavailable;

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

    /** The shared pacing gave no turn: the application is stopping, or the database cannot be reached. */
    static TenoviUnavailable of(PacingUnavailable e) {
        return e.interrupted() ? new TenoviUnavailable(Kind.INTERRUPTED,
                "interrupted while waiting for Tenovi (the application is stopping)")
                : new TenoviUnavailable("the shared request pacing is unavailable (database)", null);
    }

    public Kind kind() {
        return kind;
    }
}
