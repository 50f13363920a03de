package org.rpmsync.tenovi;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
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
import org.rpmsync.tenovi.FakeTenovi.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §7: every call {@link TenoviClient} makes, of whatever kind and from whichever instance, takes its API
 * key's one shared slot, so that Tenovi never sees two requests with one key closer than {@code request-interval}.
 */
@RpmSyncTest
class RequestPacingTests {

    /**
     * Tenovi answered 429 to pairs closer than 0.95 s. Slots are {@code request-interval} (1050 ms) apart when they
     * leave; on arrival the gap can shrink by the difference in two requests' network and scheduling delays, which
     * the 50 ms margin over 1 s absorbs.
     */
    static final long TENOVI_LIMIT = 950;

    @DynamicPropertySource
    static void tenovi(DynamicPropertyRegistry registry) {
        FakeTenovi.register(registry);
    }

    @Autowired
    TenoviClient client;
    @Autowired
    MeasurementPages pages;
    @Autowired
    TenoviProperties tenoviProperties;
    @Autowired
    SyncProperties syncProperties;
    @Autowired
    JdbcClient jdbc;
    final FakeTenovi tenovi = FakeTenovi.instance();

    @BeforeEach
    void reset() {
        tenovi.reset();
    }

    @Test
    void concurrentCallsOfEveryKindFromTwoInstancesAreNeverCloserThanTheInterval() throws Exception {
        TenoviCredentials key = new TenoviCredentials("pacedclinic", "tk_live_" + Fixtures.unique("pace") + "_0001");
        try (HikariDataSource otherDatabase = secondInstanceDatabase()) {
            TenoviClient otherInstance = new TenoviClient(tenoviProperties, RestClient.builder(),
                    new RequestPacer(new RequestSlots(JdbcClient.create(otherDatabase)),
                            new JdbcTransactionManager(otherDatabase), syncProperties));
            for (TenoviClient instance : List.of(client, otherInstance)) {
                // warm: the first request of a JDK HttpClient spends extra time connecting, which is not pacing's
                instance.check(new TenoviCredentials("pacedclinic", Fixtures.unique("tk_live_warm")));
            }
            tenovi.reset();
            List<Callable<Object>> calls = new ArrayList<>();
            for (TenoviClient instance : List.of(client, otherInstance)) {
                calls.add(() -> instance.check(key));
                calls.add(() -> instance.device(key, "HWI-0001"));
                calls.add(() -> instance.devices(key, 1));
                calls.add(() -> instance.allDevices(key, 2));
                calls.add(() -> instance.registerWebhook(key, new TenoviWebhookRegistration(
                        "https://rpm.example/webhooks/tenovi/k", "MEASUREMENT", "Authorization", "s3cret", true)));
                calls.add(() -> instance.page(key, "hwi/hwi-devices/HWI-0001/measurements/?page=1"));
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
        assertThat(requests).hasSize(12);
        assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Api-Key " + key.apiKey()));
        assertThat(closestGapMillis(requests)).as("closest two requests with one key").isGreaterThanOrEqualTo(TENOVI_LIMIT);
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
        assertThat(closestGapMillis(requests)).isGreaterThanOrEqualTo(TENOVI_LIMIT);

        tenovi.reset();
        long start = System.nanoTime();
        client.check(new TenoviCredentials("pacedclinic", "tk_live_" + Fixtures.unique("free") + "_0003"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("a different key has its own slot").isLessThan(500);
        assertThat(jdbc.sql("select count(*) from tenovi_request_slots where api_key_sha256 like ?")
                .param("%" + key.apiKey() + "%").query(Long.class).single()).as("only a hash is stored").isZero();
    }

    private static long closestGapMillis(List<FakeTenovi.Request> requests) {
        List<Long> times = requests.stream().map(FakeTenovi.Request::atMillis).sorted().toList();
        long closest = Long.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) {
            closest = Math.min(closest, times.get(i) - times.get(i - 1));
        }
        return closest;
    }

    /** A second application instance's own connection pool to the same database. */
    private static HikariDataSource secondInstanceDatabase() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(PostgresTestDatabase.url(PostgresTestDatabase.database()));
        dataSource.setUsername(PostgresTestDatabase.user());
        dataSource.setMaximumPoolSize(3);
        return dataSource;
    }
}
