package org.rpmsync.integrations;

/**
 * A secret as stored: which key sealed it, the AES-GCM nonce and the ciphertext (with tag), both base64.
 * Holds nothing readable without the key.
 */
record SealedSecret(String keyId, String iv, String ciphertext) {
}
