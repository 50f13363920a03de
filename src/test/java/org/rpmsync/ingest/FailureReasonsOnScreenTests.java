package org.rpmsync.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rpmsync.Fixtures;
import org.rpmsync.RpmSyncTest;
import org.rpmsync.TestWorld;
import org.rpmsync.organization.Role;
import org.rpmsync.integrations.TenoviConnections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 13 §5: a delivery that fails on a database error is shown with a plain reason and what to do; the exception
 * and its SQL reach the log only, never the health panel, the Integrations page or the API.
 */
@RpmSyncTest
@ExtendWith(OutputCaptureExtension.class)
class FailureReasonsOnScreenTests extends TestWorld {

    /** Java exception names, SQL and PostgreSQL's error words: none of them may reach a page or an API answer. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bSQL\\b|PreparedStatementCallback|insert into |ERROR: "
                    + "|\\bfrom [a-z_]+ where\\b");
    static final String SQL_FAILURE = "PreparedStatementCallback; SQL [insert into measurements (organization_id, "
            + "metric) values (?, ?)]; ERROR: invalid byte sequence for encoding \"UTF8\": 0x00";

    @Autowired
    Inbox inbox;
    @Autowired
    TenoviConnections connections;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDatabaseFailureIsRecordedAndShownInPlainWordsWithTheDetailInTheLogOnly(CapturedOutput log)
            throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        long id = inbox.store(webhook.organization().id(), "[]", Instant.now(), "application/json", null);
        TenoviDeliveries broken = mock(TenoviDeliveries.class);
        when(broken.processAll(any(), any())).thenThrow(new DataIntegrityViolationException(SQL_FAILURE));
        new InboxWorker(inbox, broken, connections, transactions,
                new IngestSettings(null, null, 0, 10, null, null, null, 1, null, null)).drain();

        assertThat(jdbc.sql("select last_error from inbox_messages where id = ?").param(id).query(String.class)
                .single()).isEqualTo(ProcessingFailure.DATABASE_REFUSED.reason());
        assertThat(log.getOut() + log.getErr()).contains("DataIntegrityViolationException").contains("insert into");

        String admin = fixtures.staff(webhook.organization(), Role.ORG_ADMIN);
        String panel = page(admin, "/settings/integrations/tenovi/health");
        assertThat(panel).contains("Deliveries that failed processing")
                .contains("The database would not store something in this delivery").contains("Process again");
        assertNoInternals(panel);
        assertNoInternals(page(admin, "/settings/integrations"));
        assertNoInternals(mvc.perform(get("/api/v1/integrations/tenovi")
                        .header("Authorization", "Bearer " + fixtures.orgToken(webhook.organization())))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void technicalTextStoredByAnOlderVersionIsNeverShown() throws Exception {
        Fixtures.Webhook webhook = fixtures.tenoviWebhook(fixtures.tenoviOrganization());
        jdbc.sql("""
                insert into inbox_messages (organization_id, source, received_at, body, status, attempts,
                                            next_attempt_at, last_error)
                values (?, 'tenovi', ?, '[]', 'FAILED', 5, ?, ?)""")
                .params(webhook.organization().id().value(), Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()), "DataIntegrityViolationException: " + SQL_FAILURE).update();
        String panel = page(fixtures.staff(webhook.organization(), Role.ORG_ADMIN),
                "/settings/integrations/tenovi/health");
        assertThat(panel).contains(ProcessingFailure.INTERNAL.reason());
        assertNoInternals(panel);
    }

    @Test
    void everyFailureKindHasPlainWords() {
        for (ProcessingFailure failure : ProcessingFailure.values()) {
            assertNoInternals(failure.reason());
            assertThat(failure.reason()).as("says what to do").containsAnyOf("Press Process again", "tried again");
        }
        assertThat(ProcessingFailure.of(new IllegalStateException("x"))).isEqualTo(ProcessingFailure.INTERNAL);
        assertThat(ProcessingFailure.of(new org.springframework.dao.QueryTimeoutException("slow")))
                .isEqualTo(ProcessingFailure.DATABASE_UNAVAILABLE);
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(fixtures.signedIn(user))).andReturn().getResponse().getContentAsString();
    }

    static void assertNoInternals(String text) {
        assertThat(INTERNALS.matcher(text).find()).as("no exception name or SQL in:\n%s", text).isFalse();
    }
}
