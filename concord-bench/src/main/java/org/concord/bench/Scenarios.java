package org.concord.bench;

import java.util.List;
import org.concord.bench.scenario.HubLatency;
import org.concord.bench.scenario.InitialSync;
import org.concord.bench.scenario.Micro;
import org.concord.bench.scenario.OutageDrain;
import org.concord.bench.scenario.RealServer;
import org.concord.bench.scenario.Throughput;
import org.concord.bench.scenario.VsVdirsyncer;

/** Every scenario, in the order a full run takes them. */
final class Scenarios {
    private Scenarios() {}

    static final List<Scenario> ALL = List.of(
            new HubLatency(),
            new Throughput(),
            new InitialSync(),
            new RealServer(),
            new VsVdirsyncer(),
            new OutageDrain(),
            new Micro());
}
