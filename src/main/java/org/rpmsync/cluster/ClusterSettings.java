package org.rpmsync.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param forgetBucketsAfter a shared limit's bucket not used for this long is deleted (it is full again anyway)
 * @param sharedLimitWait    each statement on the shared buckets waits at most this long for the database
 */
@ConfigurationProperties("rpmsync.cluster")
record ClusterSettings(@DefaultValue("24h") Duration forgetBucketsAfter, @DefaultValue("400ms") Duration sharedLimitWait) {
}
