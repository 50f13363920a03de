package org.rpmsync.tenovi;

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

    boolean keyRejected() {
        return keyRejected;
    }
}
