package org.rpmsync.care;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rpmsync.care.*}: {@code check-readings} (default {@code true}) checks every attributed reading against its
 * client's alert rules and counts its RPM day. Off only to measure what the checks cost (bench/ingest).
 */
@ConfigurationProperties("rpmsync.care")
record CareSettings(@DefaultValue("true") boolean checkReadings) {
}
