package org.rpmsync.simulation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A tiny webhook receiver on a loopback port that records what it got and answers 200. */
final class WebhookReceiver implements AutoCloseable {

    record Received(Headers headers, String body) {
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

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
        var out = new ArrayList<Received>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.size() < count && System.nanoTime() < deadline) {
            var next = received.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                out.add(next);
            }
        }
        var extra = received.poll(100, TimeUnit.MILLISECONDS);
        if (extra != null) {
            out.add(extra);
            received.drainTo(out);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
