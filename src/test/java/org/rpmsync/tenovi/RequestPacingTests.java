package org.rpmsync.tenovi;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.cluster.PacedCalls;
import org.rpmsync.tenovi.FakeTenovi.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §7: every call {@link TenoviClient} makes, of whatever kind and from whichever instance, takes its API
 * key's one shared turn ({@link PacedCalls}), so that Tenovi never sees two requests with one key closer than
 * {@code request-interval}, and a 429 holds the key back for every caller. (How the turns are shared is
 * {@code cluster.PacedCallsTests}.)
 */
@RpmSyncTest
class RequestPacingTests extends TestWorld {

    @Autowired
    TenoviClient client;
    @Autowired
    MeasurementPages pages;
    @Autowired
    TenoviProperties tenoviProperties;
    final FakeTenovi tenovi = FakeTenovi.instance();

    @BeforeEach
    void reset() {
        tenovi.reset();
    }

    @Test
    void concurrentCallsOfEveryKindFromThreeInstancesReachTenoviNeverCloserThanTheInterval() throws Exception {
        TenoviCredentials key = new TenoviCredentials("pacedclinic", "tk_live_" + Fixtures.unique("pace") + "_0001");
        try (HikariDataSource second = PostgresTestDatabase.pool(); HikariDataSource third = PostgresTestDatabase.pool()) {
            TenoviClient secondInstance = instance(second);
            TenoviClient thirdInstance = instance(third);
            List<Callable<Object>> calls = new ArrayList<>();
            calls.add(() -> client.check(key));
            calls.add(() -> client.device(key, "HWI-0001"));
            for (TenoviClient instance : List.of(secondInstance, thirdInstance)) {
                calls.add(() -> instance.check(key));
                calls.add(() -> instance.device(key, "HWI-0001"));
                calls.add(() -> instance.webhooks(key));
                calls.add(() -> instance.allDevices(key, 2));
                calls.add(() -> instance.registerWebhook(key, new TenoviWebhookRegistration(
                        "https://rpm.example/webhooks/tenovi/k", "MEASUREMENT", "Authorization", "s3cret", true)));
                calls.add(() -> instance.page(key, "hwi/hwi-devices/HWI-0001/measurements/?page=1", 0));
            }
            ExecutorService threads = Executors.newFixedThreadPool(calls.size());
            try {
                for (Future<Object> call : threads.invokeAll(calls)) {
                    call.get();
                }
            } finally {
                threads.shutdownNow();
            }
        }

        List<FakeTenovi.Request> requests = tenovi.requests();
        assertThat(requests).hasSize(14);
        assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Api-Key " + key.apiKey()));
        long interval = tenoviProperties.requestInterval().toMillis();
        // The next request leaves an interval after the previous answer, so arrivals too are an interval apart (the
        // fake records a request before it answers; 1 ms for rounding the two clocks of this machine to ms).
        assertThat(closestGapMillis(requests)).as("closest two arrivals with one key")
                .isGreaterThanOrEqualTo(interval - 1);
    }

    @Test
    void a429HoldsTheKeyBackForEveryCallerAndOtherKeysAreNotSlowed() throws Exception {
        TenoviCredentials key = new TenoviCredentials("pacedclinic", "tk_live_" + Fixtures.unique("hold") + "_0002");
        tenovi.answer(new Answer(429, "{\"detail\":\"throttled\"}", Map.of("Retry-After", "1"), 0));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<ConnectionCheck>> checks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                checks.add(threads.submit(() -> client.check(key)));
                Thread.sleep(20);
            }
            for (Future<ConnectionCheck> check : checks) {
                assertThat(check.get().result()).isEqualTo(ConnectionCheck.Result.CONNECTED);
            }
        } finally {
            threads.shutdownNow();
        }
        List<FakeTenovi.Request> requests = tenovi.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(1).atMillis() - requests.get(0).atMillis())
                .as("after the 429, nobody uses the key before Retry-After").isGreaterThanOrEqualTo(980);
        assertThat(closestGapMillis(requests)).isGreaterThanOrEqualTo(tenoviProperties.requestInterval().toMillis() - 1);

        tenovi.reset();
        long start = System.nanoTime();
        client.check(new TenoviCredentials("pacedclinic", "tk_live_" + Fixtures.unique("free") + "_0003"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("a different key has its own slot").isLessThan(500);
    }

    private static long closestGapMillis(List<FakeTenovi.Request> requests) {
        List<Long> times = requests.stream().map(FakeTenovi.Request::atMillis).sorted().toList();
        long closest = Long.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) {
            closest = Math.min(closest, times.get(i) - times.get(i - 1));
        }
        return closest;
    }

    /** Another instance's Tenovi client: its own pool to the same database. */
    private TenoviClient instance(HikariDataSource database) {
        return new TenoviClient(tenoviProperties, RestClient.builder(),
                new PacedCalls(JdbcClient.create(database), new JdbcTransactionManager(database)));
    }
}
