package org.rpmsync.load;

import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What a load run observed; {@link #report()} is what {@code bench/load.sh} prints ({@code bench/ingest/run.sh} reads
 * its lines by their first words). {@code cpuMillis} is the load tool's own CPU time during the run.
 */
record LoadResult(WebhookLoad.LoadPlan plan, long sent, long notSent, Map<Integer, Long> statuses,
                  Map<String, Long> errors, double elapsedSeconds, Histogram latency, Histogram service,
                  double cpuMillis) {

    long ok() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
    }

    String report() {
        var other = new java.util.TreeMap<>(statuses);
        other.keySet().removeIf(status -> status / 100 == 2);
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "target       %s://%s:%d (path not shown)%n", plan.url().getScheme(),
                plan.url().getHost(), plan.url().getPort()));
        out.append(String.format(Locale.ROOT, "plan         %d/s x %d s over %d connections = %d deliveries%s%n",
                plan.rate(), plan.seconds(), plan.connections(), plan.deliveries(), plan.asArray() ? " (arrays)" : ""));
        out.append(String.format(Locale.ROOT, "sent         %d (not sent: %d) in %.1f s = %.1f/s%n", sent, notSent,
                elapsedSeconds, sent / elapsedSeconds));
        out.append(String.format(Locale.ROOT, "2xx          %d%n", ok()));
        out.append(String.format(Locale.ROOT, "other status %s%n", other));
        out.append(String.format(Locale.ROOT, "errors       %s%n", errors));
        out.append(line("ack latency  ", latency));
        out.append(line("service time ", service));
        out.append(String.format(Locale.ROOT, "tool cpu     %.3f ms per delivery sent (%.1f s in all)%n",
                cpuMillis / Math.max(1, sent), cpuMillis / 1000));
        return out.toString();
    }

    private static String line(String label, Histogram histogram) {
        var p = LoadRun.percentiles(histogram);
        return String.format(Locale.ROOT, "%s(ms) p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n",
                label, p.get(0), p.get(1), p.get(2), p.get(3), histogram.getMaxValue() / 1000.0,
                histogram.getTotalCount());
    }
}
