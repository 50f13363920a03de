package org.rpmsync.organization;

/** A secret shown a single time after it was made (a token or a generated password), then never again. */
record ShownOnce(String label, String secret) {
}
