package org.rpmsync.load;

import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Load mode for benchmarks: posts {@code rate} unique Tenovi measurement webhooks per second for {@code seconds}
 * over {@code connections} keep-alive connections to a loopback URL, then prints counts, latency percentiles and
 * its own CPU time per delivery.
 * See {@code bench/README.md}. Usage:
 * <pre>WebhookLoad --url http://127.0.0.1:8080/webhooks/tenovi/KEY --rate 200 --seconds 30 --connections 8
 *             [--header Authorization --secret VALUE] [--array]</pre>
 */
public final class WebhookLoad {

    static final int MAX_RATE = 100_000;
    static final int MAX_SECONDS = 3_600;
    static final int MAX_CONNECTIONS = 512;

    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadPlan plan;
        try {
            plan = plan(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: --url URL --rate N --seconds T --connections C [--header NAME --secret VALUE]"
                    + " [--array]");
            System.exit(2);
            return;
        }
        var result = new LoadRun(plan).run();
        System.out.print(result.report());
    }

    static LoadPlan plan(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        var url = URI.create(required(options, "url"));
        requireLoopback(url);
        return new LoadPlan(url,
                bounded(options, "rate", 1, MAX_RATE),
                bounded(options, "seconds", 1, MAX_SECONDS),
                bounded(options, "connections", 1, MAX_CONNECTIONS),
                options.getOrDefault("header", "Authorization"),
                options.get("secret"),
                Boolean.parseBoolean(options.getOrDefault("array", "false")));
    }

    /** The load generator only ever targets this machine, in plain HTTP (no TLS on loopback). */
    static void requireLoopback(URI url) {
        if (url.getHost() == null || !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url must be an http URL");
        }
        try {
            for (var address : InetAddress.getAllByName(url.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing non-loopback host " + url.getHost());
                }
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + url.getHost());
        }
    }

    private static String required(Map<String, String> options, String name) {
        var value = options.get(name);
        if (value == null || value.isBlank() || "true".equals(value)) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int bounded(Map<String, String> options, String name, int min, int max) {
        try {
            int value = Integer.parseInt(required(options, name));
            if (value < min || value > max) {
                throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number");
        }
    }

    /** What to send: {@code rate} deliveries/s for {@code seconds} over {@code connections} connections. */
    record LoadPlan(URI url, int rate, int seconds, int connections, String header, String secret,
                    boolean asArray) {

        long deliveries() {
            return (long) rate * seconds;
        }
    }
}
