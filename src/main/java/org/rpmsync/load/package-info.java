/**
 * The benchmarks' webhook load tool ({@code WebhookLoad}, {@code bench/load.sh}, {@code bench/ingest/run.sh}): a plain
 * {@code main} without Spring that posts unique Tenovi measurement webhooks open loop to a loopback URL over
 * keep-alive HTTP/1.1 connections and reports acknowledgement latency. It shares nothing with the app and nothing
 * imports it; like {@code simulator} it plays Tenovi's side, so it writes Tenovi's webhook body itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.rpmsync.load;
