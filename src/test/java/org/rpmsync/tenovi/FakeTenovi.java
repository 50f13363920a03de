package org.rpmsync.tenovi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.rpmsync.TestPorts;

/**
 * A programmable stand-in for Tenovi's API on 127.0.0.1:{@link TestPorts#FAKE_TENOVI} (one per test JVM), which
 * every {@link org.rpmsync.RpmSyncTest} context calls as Tenovi. Each test queues the answers it
 * wants; when the queue is empty it answers 200 with an empty page. Every request is recorded.
 */
public final class FakeTenovi {

    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Answer of(int status) {
            return new Answer(status, "{\"detail\":\"status " + status + "\"}", Map.of(), 0);
        }
    }

    public record Request(String method, String pathAndQuery, String authorization, String body, long atMillis) {
    }

    private static final FakeTenovi INSTANCE = new FakeTenovi();

    private final HttpServer server;
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeTenovi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPorts.FAKE_TENOVI), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-tenovi");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeTenovi instance() {
        return INSTANCE;
    }

    public void reset() {
        answers.clear();
        requests.clear();
    }

    public FakeTenovi answer(Answer... queued) {
        answers.addAll(List.of(queued));
        return this;
    }

    public FakeTenovi answer(int... statuses) {
        for (int status : statuses) {
            answers.add(Answer.of(status));
        }
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(new Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                exchange.getRequestHeaders().getFirst("Authorization"), body, System.currentTimeMillis()));
        Answer answer = answers.poll();
        if (answer == null) {
            answer = new Answer(200, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}", Map.of(), 0);
        }
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: fine for a "slow Tenovi"
        } finally {
            exchange.close();
        }
    }
}
