package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.concord.engine.ConflictSettings;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.Test;

/** /metrics, scraped as Prometheus would, holds every series an admin alerts on. */
class MetricsTest {

    @Test
    void aScrapeHoldsReadsWritesDelaysPendingErrorsConflictsUpDownAndStoreCommits() throws Exception {
        try (TestAgent agent = TestAgent.start(ConflictSettings.defaults(), UserMap.identity(), UnaryOperator.identity(), "a", "b")) {
            agent.createSynced("a", "metrics-1", 1);
            agent.makeConflict("metrics-1", "a", "b");
            TestAgent.await("the conflict", () -> agent.engine.status().conflicts() > 0);
            agent.makeWriteError("a", "b", "metrics-2");
            agent.system("b").setDown(true);
            TestAgent.await("b down", () -> !agent.systemUp("b"));

            var r = agent.send("GET", "/metrics", null, "Authorization", "Bearer " + TestAgent.METRICS_TOKEN);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            String text = r.body();
            Map<String, String> series = Map.ofEntries(
                    Map.entry("changes read", "concord_changes_read_total{system=\"a\"}"),
                    Map.entry("changes written", "concord_changes_written_total{system=\"b\"}"),
                    Map.entry("propagation delay histogram", "concord_propagation_delay_seconds_bucket{system=\"b\",le=\"0.1\"}"),
                    Map.entry("propagation delay count", "concord_propagation_delay_seconds_count{system=\"b\"}"),
                    Map.entry("pending depth", "concord_pending{system=\"b\"}"),
                    Map.entry("lag", "concord_lag_seconds{system=\"b\"}"),
                    Map.entry("sync errors now", "concord_sync_errors{system=\"b\"} 1"),
                    Map.entry("sync errors recorded", "concord_sync_errors_recorded_total{system=\"b\"}"),
                    Map.entry("conflicts", "concord_conflicts_total{policy=\"duplicate\",system=\"b\"}"),
                    Map.entry("open conflicts", "concord_conflicts_open "),
                    Map.entry("b down", "concord_system_up{system=\"b\"} 0"),
                    Map.entry("a up", "concord_system_up{system=\"a\"} 1"),
                    Map.entry("paused", "concord_system_paused{system=\"a\"} 0"),
                    Map.entry("items", "concord_items{system=\"a\"}"),
                    Map.entry("store commit histogram", "concord_store_commit_seconds_bucket{le=\"0.01\"}"),
                    Map.entry("store commit count", "concord_store_commit_seconds_count "));
            series.forEach((what, line) -> assertThat(text).as(what).contains(line));
            assertThat(value(text, "concord_changes_read_total{system=\"a\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(text, "concord_changes_written_total{system=\"b\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(text, "concord_propagation_delay_seconds_count{system=\"b\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(text, "concord_store_commit_seconds_count")).isGreaterThan(1);
            assertThat(value(text, "concord_pending{system=\"b\"}")).isGreaterThanOrEqualTo(0);
        }
    }

    private static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no series " + series);
    }
}
