package org.concord.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreExactRanksOfTheSamples() {
        Latencies l = new Latencies();
        for (int i = 1000; i >= 1; i--) {
            l.add(i * 1_000_000L);
        }
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Millis()).isEqualTo(500.0);
        assertThat(s.p99Millis()).isEqualTo(990.0);
        assertThat(s.p999Millis()).isEqualTo(999.0);
        assertThat(s.maxMillis()).isEqualTo(1000.0);
    }

    @Test
    void noSamplesGiveZeroesRatherThanAnError() {
        Latencies.Summary s = new Latencies().summary();
        assertThat(s.count()).isZero();
        assertThat(s.p99()).isZero();
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies l = new Latencies();
        l.add(7_000_000L);
        assertThat(l.summary().p50Millis()).isEqualTo(7.0);
        assertThat(l.summary().p999Millis()).isEqualTo(7.0);
    }
}
