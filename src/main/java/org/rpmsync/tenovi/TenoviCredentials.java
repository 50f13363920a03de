package org.rpmsync.tenovi;

/**
 * What we need to call Tenovi for one organization: its client domain (slug) and the API key.
 * {@link #toString()} never shows the key, so the record is safe in log lines and exception messages.
 */
public record TenoviCredentials(String clientDomain, String apiKey) {

    /** "…" and the last four characters: all that is ever shown of a key after it was entered. */
    public String apiKeyHint() {
        return hint(apiKey);
    }

    public static String hint(String key) {
        return key == null || key.length() < 8 ? "…" : "…" + key.substring(key.length() - 4);
    }

    @Override
    public String toString() {
        return "TenoviCredentials[clientDomain=" + clientDomain + ", apiKey=" + apiKeyHint() + "]";
    }
}
