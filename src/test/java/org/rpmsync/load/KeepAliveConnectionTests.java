package org.rpmsync.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KeepAliveConnectionTests {

    @Test
    void sendsManyRequestsOverOneKeptAliveConnection() throws Exception {
        try (var receiver = new LoadReceiver();
             var connection = new KeepAliveConnection(URI.create(receiver.url("/")), 1_000, 5_000)) {
            for (int i = 0; i < 50; i++) {
                assertThat(connection.exchange(post("/webhooks/tenovi/k", "{\"n\": " + i + "}"))).isEqualTo(202);
            }
            var received = receiver.await(50);
            assertThat(received).hasSize(50);
            assertThat(received).extracting(LoadReceiver.Received::remotePort).containsOnly(received.get(0).remotePort());
            assertThat(received.get(49).body()).isEqualTo("{\"n\": 49}");
            assertThat(connection.opened()).isEqualTo(1);
        }
    }

    @Test
    void readsChunkedAndErrorAnswersAndReconnectsWhenTheServerCloses() throws Exception {
        try (var receiver = new LoadReceiver();
             var connection = new KeepAliveConnection(URI.create(receiver.url("/")), 1_000, 5_000)) {
            assertThat(connection.exchange(post("/chunked", "{}"))).isEqualTo(200);
            assertThat(connection.exchange(post("/busy", "{}"))).isEqualTo(503);
            assertThat(connection.exchange(post("/x", "{}"))).isEqualTo(202);
            assertThat(connection.opened()).isEqualTo(1);
            assertThat(connection.exchange(post("/close", "{}"))).isEqualTo(202);
            assertThat(connection.exchange(post("/x", "{}"))).isEqualTo(202);
            assertThat(connection.opened()).isEqualTo(2);
            var ports = receiver.await(5).stream().map(LoadReceiver.Received::remotePort).toList();
            assertThat(ports.subList(0, 4)).containsOnly(ports.get(0));
            assertThat(ports.get(4)).isNotEqualTo(ports.get(0));
        }
    }

    @Test
    void aSilentServerTimesOutAndTheNextRequestGoesOverANewConnection() throws Exception {
        try (var receiver = new LoadReceiver();
             var connection = new KeepAliveConnection(URI.create(receiver.url("/")), 1_000, 200)) {
            assertThatThrownBy(() -> connection.exchange(post("/slow/1000", "{}")))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(connection.exchange(post("/x", "{}"))).isEqualTo(202);
            assertThat(connection.opened()).isEqualTo(2);
        }
    }

    @Test
    void aClosedPortIsAConnectError() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (var connection = new KeepAliveConnection(URI.create("http://127.0.0.1:" + port + "/"), 1_000, 1_000)) {
            assertThatThrownBy(() -> connection.exchange(post("/x", "{}"))).isInstanceOf(ConnectException.class);
        }
    }

    private static byte[] post(String path, String body) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
