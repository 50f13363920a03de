package org.rpmsync;

import org.rpmsync.audit.AuditLog;
import org.rpmsync.clients.ClientDirectory;
import org.rpmsync.clients.DeviceAssignments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What every application test reaches for, injected once: MockMvc, the {@link Fixtures} that build a clinic, its
 * staff, clients, mapped devices and webhook, the database, the clients and their devices, and the audit log. The context comes from the test class's
 * annotation ({@link RpmSyncTest}, {@link RealServerTest}, {@link H2Test}).
 */
public abstract class TestWorld {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ClientDirectory clients;
    @Autowired
    protected DeviceAssignments assignments;
    @Autowired
    protected AuditLog audit;

    /** Posts {@code json} to the clinic's Tenovi webhook as Tenovi does (with its secret). */
    protected ResultActions deliver(Fixtures.Webhook webhook, String json) throws Exception {
        return mvc.perform(delivery(webhook, json));
    }

    /** Posts these bytes, declared as {@code contentType}, to the clinic's Tenovi webhook with its secret. */
    protected ResultActions deliver(Fixtures.Webhook webhook, byte[] body, String contentType) throws Exception {
        return mvc.perform(post(webhook.path()).header(webhook.header(), webhook.secret()).contentType(contentType)
                .content(body));
    }

    /** The request {@link #deliver(Fixtures.Webhook, String)} sends. */
    protected static MockHttpServletRequestBuilder delivery(Fixtures.Webhook webhook, String json) {
        return post(webhook.path()).header(webhook.header(), webhook.secret()).contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
