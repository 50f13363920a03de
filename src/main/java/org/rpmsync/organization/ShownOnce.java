package org.rpmsync.organization;

/** A secret shown a single time after it was made (a token or a generated password), then never again. Kept
 * for one redirect as a flash attribute, in the session (serialized to the database). */
public record ShownOnce(String label, String secret) implements java.io.Serializable {
}
