package org.rpmsync.load;

import org.rpmsync.Arrivals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP/1.1 server on a loopback port (the JDK's) that records every request and answers by path:
 * {@code /chunked} 200 in chunks, {@code /close} 202 with {@code Connection: close}, {@code /busy} 503 with
 * {@code Retry-After}, {@code /slow/<ms>} 202 after that many milliseconds, anything else 202 with a JSON body.
 */
final class LoadReceiver implements AutoCloseable {

    record Received(String path, Headers headers, String body, int remotePort) {
    }

    private static final byte[] ACCEPTED = "{\"status\":\"accepted\",\"id\":1}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Arrivals<Received> received = new Arrivals<>();

    LoadReceiver() throws IOException {
        // without it the JDK's server writes headers and body apart and waits 40 ms for the client's delayed ACK
        // (read once per JVM: if another server started first, answers are only slower)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(path, exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getPort()));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try (exchange; var out = exchange.getResponseBody()) {
            if (path.equals("/chunked")) {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 3; i++) {
                    out.write(ACCEPTED);
                    out.flush();
                }
                return;
            }
            if (path.equals("/close")) {
                exchange.getResponseHeaders().add("Connection", "close");
            } else if (path.equals("/busy")) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            } else if (path.startsWith("/slow/")) {
                Thread.sleep(Long.parseLong(path.substring("/slow/".length())));
            }
            exchange.sendResponseHeaders(path.equals("/busy") ? 503 : 202, ACCEPTED.length);
            out.write(ACCEPTED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits for {@code count} requests (at most 5 s), then a little longer for stragglers to be sure. */
    List<Received> await(int count) throws InterruptedException {
        return received.await(count);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
