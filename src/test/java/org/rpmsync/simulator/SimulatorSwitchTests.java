package org.rpmsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@org.springframework.test.context.ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rpmsync.simulator.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:simoff;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
class SimulatorSwitchTests {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void switchedOffSimulatorHasNoBeansAndNoEndpoints() {
        assertThat(context.getBeanNamesForType(Fleet.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SimulatorProperties.class)).isEmpty();
        assertThat(context.getBeanNamesForType(HwiDevicesController.class)).isEmpty();
        var http = new SimulatorHttp(port);
        var response = http.get(http.api("demo-clinic") + "/hwi-devices/", "sim-demo-api-key");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(http.get("http://127.0.0.1:" + port + "/simulator/tenovi/_control/clock", null).statusCode())
                .isEqualTo(404);
    }
}
