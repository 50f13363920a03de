package org.rpmsync.simulator;

/** Answered as 404 with {@code {"detail": "Not found."}}, like Django REST Framework. */
public final class NotFound extends RuntimeException {

    public NotFound() {
        super("Not found.", null, false, false);
    }
}
