package org.rpmsync.ingest;

import java.util.Arrays;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Why a delivery could not be processed, as the health panel says it: a plain reason and what to do. It is what
 * {@code inbox_messages.last_error} holds; the technical detail (exception, SQL) goes to the log only. Anything
 * else found in that column (older rows held exception text) is shown as {@link #INTERNAL}.
 */
enum ProcessingFailure {

    DATABASE_UNAVAILABLE("The database was not available while this delivery was processed. Nothing is lost: it is "
            + "tried again automatically, or press Process again once the database is back."),
    DATABASE_REFUSED("The database would not store something in this delivery. Press Process again; if it fails "
            + "again, contact RPM Sync support with the delivery number. Refresh User Data on the client fetches "
            + "the same readings from Tenovi."),
    INTERNAL("RPM Sync could not process this delivery because of an internal error. Press Process again; if it "
            + "fails again, contact RPM Sync support with the delivery number.");

    private final String reason;

    ProcessingFailure(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static ProcessingFailure of(Throwable failure) {
        if (failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotGetJdbcConnectionException) {
            return DATABASE_UNAVAILABLE;
        }
        return failure instanceof DataAccessException ? DATABASE_REFUSED : INTERNAL;
    }

    /** The words to show for what {@code last_error} holds; never anything but one of the reasons above. */
    static String shown(String stored) {
        return Arrays.stream(values()).map(ProcessingFailure::reason).filter(r -> r.equals(stored)).findFirst()
                .orElse(INTERNAL.reason);
    }
}
