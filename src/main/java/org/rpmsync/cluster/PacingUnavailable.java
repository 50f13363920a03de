package org.rpmsync.cluster;

/**
 * {@link PacedCalls} could give no turn: its shared state in the database could not be read (calling unpaced could
 * get the key throttled for everyone), or the thread was {@link #interrupted} while it waited (the application is
 * stopping). The call was not made.
 */
public class PacingUnavailable extends RuntimeException {

    private final boolean interrupted;

    PacingUnavailable(String message, boolean interrupted) {
        super(message);
        this.interrupted = interrupted;
    }

    public boolean interrupted() {
        return interrupted;
    }
}
