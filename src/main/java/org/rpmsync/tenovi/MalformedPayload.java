package org.rpmsync.tenovi;

/** The body is not JSON, or is JSON but neither an object nor an array of objects' container. */
class MalformedPayload extends RuntimeException {

    MalformedPayload(String message) {
        super(message);
    }
}
