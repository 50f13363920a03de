package org.rpmsync.sync;

import org.rpmsync.tenovi.TenoviUnavailable;

/** Why a job stopped, in words shown to people; {@code keyRejected} when Tenovi refused the API key (401/403). */
class SyncFailure extends RuntimeException {

    private final boolean keyRejected;

    SyncFailure(String reason, boolean keyRejected) {
        super(reason, null, false, false);
        this.keyRejected = keyRejected;
    }

    SyncFailure(String reason) {
        this(reason, false);
    }

    /** Why reading from Tenovi stopped the job, and where the job goes on from. */
    static SyncFailure of(TenoviUnavailable stopped) {
        String reason = stopped.getMessage();
        return switch (stopped.kind()) {
            case KEY_REJECTED -> new SyncFailure(reason + ". Jobs are paused until the key is fixed in "
                    + "Organization Settings > Integrations.", true);
            case CONFIGURATION -> new SyncFailure("Configuration error: " + reason + ".");
            case THROTTLED -> new SyncFailure("Tenovi kept answering 429 (rate limited); the job resumes from its cursor.");
            case GAVE_UP -> new SyncFailure(reason + "; the job resumes from its last checkpoint next time.");
            case INTERRUPTED ->
                    new SyncFailure("The job was interrupted (the application is stopping); it resumes from its cursor.");
            case UNREACHABLE -> new SyncFailure(reason);
        };
    }

    boolean keyRejected() {
        return keyRejected;
    }
}
