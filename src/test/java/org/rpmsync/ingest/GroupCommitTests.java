package org.rpmsync.ingest;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rpmsync.Fixtures;
import org.rpmsync.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 16: concurrent deliveries are written by one group commit and each answered only after it; a bounded number
 * of deliveries is in flight and the next one is answered 503 at once. The test holds the inbox table (a SHARE lock
 * from its own connection) so that deliveries pile up behind the one being written — one committer, so the piled-up
 * ones form the next batch.
 */
@SpringBootTest(properties = {"rpmsync.ingest.workers=0", "rpmsync.ingest.receive.committers=1",
        "rpmsync.ingest.receive.max-in-flight=8", "rpmsync.ingest.receive.commit-wait=20s"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@Timeout(120)
class GroupCommitTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    GroupCommit groupCommit;
    @Autowired
    InboxWorker worker;

    private final ExecutorService senders = Executors.newFixedThreadPool(10);
    private Fixtures.Webhook webhook;
    private Connection holder;

    @BeforeEach
    void webhook() {
        webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
    }

    @AfterEach
    void release() throws Exception {
        if (holder != null && !holder.isClosed()) {
            holder.rollback();
            holder.close();
        }
        senders.shutdownNow();
    }

    private void holdInbox() throws Exception {
        holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("lock table inbox_messages in share mode");
        }
    }

    private void releaseInbox() throws Exception {
        holder.commit();
        holder.close();
    }

    private String body(String device) {
        return WebhookIngestTests.opening(device, Instant.parse("2024-10-16T12:00:00Z"), 4, 1);
    }

    private MockHttpServletResponse deliver(String device) throws Exception {
        return mvc.perform(post(webhook.path()).header(webhook.header(), webhook.secret())
                .contentType(MediaType.APPLICATION_JSON).content(body(device))).andReturn().getResponse();
    }

    private Future<MockHttpServletResponse> deliverLater(String device) {
        Callable<MockHttpServletResponse> call = () -> deliver(device);
        return senders.submit(call);
    }

    private long storedBodies(String device) {
        return jdbc.sql("select count(*) from inbox_messages where body like ?").param("%\"" + device + "\"%")
                .query(Long.class).single();
    }

    /** The first delivery is being written (blocked by the held table), the others wait in line behind it. */
    private List<Future<MockHttpServletResponse>> pileUp(List<String> devices) {
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        answers.add(deliverLater(devices.get(0)));
        await().atMost(Duration.ofSeconds(10)).until(this::insertWaitsForTheHeldTable);
        devices.subList(1, devices.size()).forEach(d -> answers.add(deliverLater(d)));
        await().atMost(Duration.ofSeconds(10)).until(() -> groupCommit.waiting() == devices.size() - 1);
        return answers;
    }

    private boolean insertWaitsForTheHeldTable() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                and query like 'insert into inbox_messages%'""").query(Long.class).single() > 0;
    }

    private static List<String> devices(String prefix, int count) {
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            devices.add(prefix + "-" + i + "-" + System.nanoTime());
        }
        return devices;
    }

    @Test
    void concurrentDeliveriesAreCommittedTogetherAndEachStoredExactlyOnce() throws Exception {
        deliver("warm-up-" + System.nanoTime());
        List<String> devices = devices("group", 8);
        holdInbox();
        List<Future<MockHttpServletResponse>> answers = pileUp(devices);
        assertThat(answers).noneMatch(Future::isDone);
        releaseInbox();
        List<Object> ids = new ArrayList<>();
        for (Future<MockHttpServletResponse> answer : answers) {
            assertThat(answer.get().getStatus()).isEqualTo(202);
            ids.add(com.jayway.jsonpath.JsonPath.read(answer.get().getContentAsString(), "$.id"));
        }
        assertThat(ids).doesNotHaveDuplicates();
        devices.forEach(d -> assertThat(storedBodies(d)).as(d).isEqualTo(1));
        // Rows written by one transaction share its id: the first alone, the seven that waited behind it together.
        List<String> transactions = jdbc.sql("select distinct xmin::text from inbox_messages where id in ("
                + String.join(",", ids.stream().map(String::valueOf).toList()) + ")").query(String.class).list();
        assertThat(transactions).hasSize(2);
        worker.drain();
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ?")
                .param(webhook.organization().id().value()).query(Long.class).single()).isEqualTo(1 + devices.size());
    }

    @Test
    void manyConcurrentSendersAreEachAnsweredAfterTheirOwnCommitAndStoredOnce() throws Exception {
        List<Future<List<Integer>>> senders = new ArrayList<>();
        List<String> devices = devices("many", 80);
        for (int s = 0; s < 8; s++) {
            List<String> mine = devices.subList(s * 10, s * 10 + 10);
            Callable<List<Integer>> send = () -> {
                List<Integer> statuses = new ArrayList<>();
                for (String d : mine) {
                    statuses.add(deliver(d).getStatus());
                }
                return statuses;
            };
            senders.add(this.senders.submit(send));
        }
        for (Future<List<Integer>> sender : senders) {
            assertThat(sender.get()).containsOnly(202);
        }
        devices.forEach(d -> assertThat(storedBodies(d)).as(d).isEqualTo(1));
        worker.drain();
        assertThat(jdbc.sql("select count(*) from measurements where organization_id = ?")
                .param(webhook.organization().id().value()).query(Long.class).single()).isEqualTo(80);
    }

    @Test
    void whenTheGroupCommitFailsNoneOfItsDeliveriesIsAnswered2xxOrStored() throws Exception {
        jdbc.sql("""
                create or replace function test_refuse_at_commit() returns trigger language plpgsql as $$
                begin
                  if new.body like '%refuse-at-commit%' then raise exception 'refused at commit'; end if;
                  return null;
                end $$""").update();
        jdbc.sql("""
                create constraint trigger test_refuse_at_commit after insert on inbox_messages
                deferrable initially deferred for each row execute function test_refuse_at_commit()""").update();
        try {
            List<String> devices = devices("commit", 6);
            devices.set(3, "refuse-at-commit-" + System.nanoTime());
            holdInbox();
            List<Future<MockHttpServletResponse>> answers = pileUp(devices);
            releaseInbox();
            assertThat(answers.get(0).get().getStatus()).as("written alone, before the failing batch").isEqualTo(202);
            for (Future<MockHttpServletResponse> answer : answers.subList(1, answers.size())) {
                assertThat(answer.get().getStatus()).isEqualTo(503);
                assertThat(answer.get().getHeader("Retry-After")).isNotBlank();
                assertThat(answer.get().getContentAsString()).contains("\"code\":\"unavailable\"");
            }
            devices.subList(1, devices.size()).forEach(d -> assertThat(storedBodies(d)).as(d).isZero());
            assertThat(storedBodies(devices.get(0))).isEqualTo(1);
        } finally {
            jdbc.sql("drop trigger test_refuse_at_commit on inbox_messages").update();
        }
    }

    @Test
    void beyondTheInFlightBoundADeliveryIsAnswered503AtOnceAndNothingOfItIsStored() throws Exception {
        List<String> devices = devices("bound", 8);
        holdInbox();
        List<Future<MockHttpServletResponse>> answers = pileUp(devices);
        String refused = "bound-refused-" + System.nanoTime();
        long started = System.nanoTime();
        MockHttpServletResponse busy = deliver(refused);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getContentType()).startsWith("application/problem+json");
        assertThat(busy.getContentAsString()).contains("\"code\":\"busy\"");
        assertThat(took).as("answered without waiting for the database").isLessThan(Duration.ofSeconds(1));
        releaseInbox();
        for (Future<MockHttpServletResponse> answer : answers) {
            assertThat(answer.get().getStatus()).isEqualTo(202);
        }
        assertThat(storedBodies(refused)).isZero();
        assertThat(deliver(refused).getStatus()).as("room again once the commits caught up").isEqualTo(202);
        assertThat(storedBodies(refused)).isEqualTo(1);
    }
}
