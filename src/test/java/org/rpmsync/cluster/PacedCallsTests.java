package org.rpmsync.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.rpmsync.RpmSyncTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls paced per key across instances: one at a time, the next an interval after the previous one ended, a hold-off
 * for everyone, other keys untouched, only a hash of the key stored, and no call at all when no turn can be had.
 */
@RpmSyncTest
class PacedCallsTests {

    private static final PacedCalls.Pace PACE = new PacedCalls.Pace(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Autowired
    PacedCalls pacing;
    @Autowired
    JdbcClient jdbc;

    /** When one call ran, by this machine's clock (the database's too). */
    record Call(long start, long end) {
    }

    @Test
    void callsWithOneKeyFromThreeInstancesRunOneAtATimeAnIntervalApart() throws Exception {
        String key = "key-" + Fixtures.unique("paced");
        List<Call> calls = new CopyOnWriteArrayList<>();
        try (HikariDataSource second = PostgresTestDatabase.pool(); HikariDataSource third = PostgresTestDatabase.pool()) {
            List<PacedCalls> instances = List.of(pacing, instance(second), instance(third));
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                PacedCalls instance = instances.get(i % 3);
                work.add(() -> instance.paced(key, PACE, () -> {
                    long start = System.currentTimeMillis();
                    sleep(30);
                    return calls.add(new Call(start, System.currentTimeMillis()));
                }));
            }
            ExecutorService threads = Executors.newFixedThreadPool(work.size());
            try {
                for (Future<Object> call : threads.invokeAll(work)) {
                    call.get();
                }
            } finally {
                threads.shutdownNow();
            }
        }
        List<Call> inOrder = calls.stream().sorted(Comparator.comparingLong(Call::start)).toList();
        assertThat(inOrder).hasSize(9);
        for (int i = 1; i < inOrder.size(); i++) {
            // 1 ms for rounding the database's and this JVM's readings of one clock to ms
            assertThat(inOrder.get(i).start() - inOrder.get(i - 1).end()).as("gap before call %d", i)
                    .isGreaterThanOrEqualTo(PACE.interval().toMillis() - 1);
        }
    }

    @Test
    void aHoldOffDelaysEveryCallerOfTheKeyOnlyAndOnlyAHashIsStored() {
        String key = "key-" + Fixtures.unique("held");
        pacing.paced(key, PACE, () -> null);
        pacing.holdOff(key, Duration.ofSeconds(1));

        long start = System.nanoTime();
        pacing.paced("key-" + Fixtures.unique("free"), PACE, () -> null);
        assertThat((System.nanoTime() - start) / 1_000_000).as("another key has its own slot").isLessThan(500);
        pacing.paced(key, PACE, () -> null);
        assertThat((System.nanoTime() - start) / 1_000_000).as("the held key waits").isGreaterThanOrEqualTo(980);
        assertThat(jdbc.sql("select count(*) from tenovi_request_slots where api_key_sha256 like ?")
                .param("%" + key + "%").query(Long.class).single()).as("only a hash is stored").isZero();
        assertThat(jdbc.sql("select count(*) from tenovi_request_slots where api_key_sha256 = ?")
                .param(KeyHash.sha256(key)).query(Long.class).single()).isOne();
    }

    @Test
    void withoutTheDatabaseOrWhenInterruptedNoCallIsMade() {
        List<String> made = new ArrayList<>();
        PacedCalls closed;
        try (HikariDataSource database = PostgresTestDatabase.pool()) {
            closed = instance(database);
        }
        assertThatThrownBy(() -> closed.paced("key-" + Fixtures.unique("down"), PACE, () -> made.add("down")))
                .isInstanceOfSatisfying(PacingUnavailable.class, e -> assertThat(e.interrupted()).isFalse());

        String key = "key-" + Fixtures.unique("stop");
        pacing.paced(key, new PacedCalls.Pace(Duration.ofSeconds(5), Duration.ofSeconds(5)), () -> null);
        Thread waiting = Thread.currentThread();
        new Thread(() -> {
            sleep(200);
            waiting.interrupt();
        }).start();
        assertThatThrownBy(() -> pacing.paced(key, PACE, () -> made.add("interrupted")))
                .isInstanceOfSatisfying(PacingUnavailable.class, e -> assertThat(e.interrupted()).isTrue());
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(made).isEmpty();
    }

    private static PacedCalls instance(HikariDataSource database) {
        return new PacedCalls(JdbcClient.create(database), new JdbcTransactionManager(database));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
