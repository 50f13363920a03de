package org.rpmsync.simulation;

/**
 * One webhook POST as the control API reports it. No headers (they carry secrets) and no URL path.
 *
 * @param status HTTP status, or -1 when no answer came
 */
record Delivery(String sentAt, String event, String target, int status, String error, String body) {
}
