package org.concord.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.concord.app.config.Config;
import org.concord.app.wiring.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code concord run}: the agent, syncing continuously until stopped. */
@Command(name = "run", description = "Run the agent: keep every system in sync continuously until stopped (Ctrl-C, SIGTERM).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("concord");

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        return runAgent(cfg, null);
    }

    /** Runs an agent until the JVM is asked to stop; {@code started} is called once it runs. */
    static int runAgent(Config cfg, Runnable started) throws Exception {
        Agent agent = Agent.build(cfg);
        try {
            agent.startServer();
        } catch (java.io.IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping: finishing the batches in flight");
            agent.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "concord-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        agent.engine().start();
        LOG.info("syncing {} systems ({}) with {} as store; config {}", cfg.systems().size(),
                String.join(", ", agent.engine().systemNames()), agent.store().describe(), cfg.file());
        if (started != null) {
            started.run();
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
