package org.rpmsync.simulation;

import org.rpmsync.Arrivals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A tiny webhook receiver on a loopback port that records what it got and answers 200. */
final class WebhookReceiver implements AutoCloseable {

    record Received(Headers headers, String body) {
    }

    private final HttpServer server;
    private final Arrivals<Received> received = new Arrivals<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders(), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits for {@code count} deliveries (at most 5 s), then a little longer for stragglers to be sure. */
    List<Received> await(int count) throws InterruptedException {
        return received.await(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
