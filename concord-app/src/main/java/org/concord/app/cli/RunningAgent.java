package org.concord.app.cli;

import java.io.IOException;
import java.util.Optional;
import org.concord.app.config.Config;
import org.concord.server.AgentClient;

/**
 * Asks the agent that runs with this config, through its REST API, when one does: its answer has
 * the live up/down state. Without an admin token in the config, or with nothing listening at
 * {@code listen}, the commands read the store instead.
 */
final class RunningAgent {
    private RunningAgent() {}

    @FunctionalInterface
    interface Question<T> {
        T ask(AgentClient client) throws AgentClient.NotRunning, IOException;
    }

    /** The running agent's answer, or empty when no agent is reachable. */
    static <T> Optional<T> ask(Config cfg, Question<T> question) throws IOException {
        Optional<AgentClient> client = AgentClient.of(cfg.server());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(question.ask(client.get()));
        } catch (AgentClient.NotRunning e) {
            return Optional.empty();
        }
    }

    /** Where the agent would be asked, for the status line. */
    static String where(Config cfg) throws IOException {
        return AgentClient.of(cfg.server()).map(c -> c.uri().toString()).orElse(cfg.listen());
    }
}
