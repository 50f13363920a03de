/**
 * Tenovi: its wire format and HTTP API (one reader of its JSON, {@code TenoviPayloads}; one client with one pacing,
 * one 429 policy and one next-page rule, {@code TenoviClient}), and the clinic's link to its account (encrypted API
 * key, webhook secret, {@code TenoviConnections}). Other modules read the account through one facade,
 * {@code TenoviAccount}, in our vocabulary: {@code AccountDevice}s and {@code Readings} (the measurements module's
 * readings and rejections; device details as the clients module stores them). Tenovi's wire types never leave this
 * module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "clients", "measurements", "audit", "web"})
package org.rpmsync.tenovi;
