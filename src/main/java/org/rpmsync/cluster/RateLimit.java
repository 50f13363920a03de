package org.rpmsync.cluster;

/**
 * A token bucket: at most {@code capacity} at once, refilled at {@code perSecond}. {@code name} tells limits apart in
 * the shared table (for example {@code api-token} or {@code sign-in-account}).
 */
public record RateLimit(String name, double capacity, double perSecond) {

    public RateLimit {
        if (name == null || name.isBlank() || name.length() > 40 || capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("rate limit " + name + ": a name of 1-40 characters, a capacity of "
                    + "at least 1 and a positive refill rate");
        }
    }

    /** {@code count} in every {@code window}, all of them at once if need be (a sign-in lockout). */
    public static RateLimit per(String name, int count, java.time.Duration window) {
        return new RateLimit(name, count, count / (window.toMillis() / 1000.0));
    }

    /**
     * Most tokens an instance takes from the shared bucket at once ({@link Leases}): a tenth of the capacity and of
     * a second's refill; 1 (every request counted in the database) for limits of fewer than 20 a second.
     */
    int leaseSize() {
        return (int) Math.max(1, Math.min(capacity, perSecond) / 10);
    }

    /** The tokens a bucket holds {@code elapsedMillis} after it held {@code tokens}. */
    double refilled(double tokens, long elapsedMillis) {
        return Math.min(capacity, tokens + Math.max(0, elapsedMillis) * perSecond / 1000.0);
    }
}
