package org.rpmsync;

import org.junit.jupiter.api.Test;
import org.rpmsync.organization.Organization;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RpmSyncTest
class OperationsTests extends TestWorld {

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusNeedsAPlatformToken() throws Exception {
        Organization clinic = fixtures.organization();
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + fixtures.orgToken(clinic)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + fixtures.platformToken()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + fixtures.platformToken()))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void servesTheOpenApiDescription() throws Exception {
        mvc.perform(get("/api/docs/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/admin/organizations']").exists());
    }
}
