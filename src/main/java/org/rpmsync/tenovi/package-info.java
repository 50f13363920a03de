/**
 * Tenovi's API: its wire format (one reader of its JSON, {@code TenoviPayloads}) and HTTP (one client, one 429
 * policy and one next-page rule, {@code TenoviClient}; every request paced per API key across instances by the
 * cluster module's {@code PacedCalls}). Other modules use one facade, {@code TenoviAccount}, with the clinic's
 * {@code TenoviCredentials}: it hands out {@code AccountDevice}s and {@code Readings} (the measurements module's
 * readings and rejections; device details as the clients module stores them) and {@code AccountWebhook}s (listed,
 * saved, deleted), and checks a key.
 * Tenovi's wire types never leave this module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"organization", "clients", "measurements", "web", "cluster"})
package org.rpmsync.tenovi;
