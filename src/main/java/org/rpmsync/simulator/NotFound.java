package org.rpmsync.simulator;

/** Answered as 404 with {@code {"detail": "Not found."}}, like Django REST Framework. */
final class NotFound extends RuntimeException {

    NotFound() {
        super("Not found.", null, false, false);
    }
}
