package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Optional;
import org.concord.engine.ConflictPolicy;
import org.concord.engine.ConflictSettings;
import org.concord.engine.EngineStatus;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.Test;

/** The CLI's view of a running agent is the agent's own. */
class AgentClientTest {

    private static ServerSettings pointingAt(int port, String token) {
        return ServerSettings.defaults().withListen("127.0.0.1", port).withApiToken(token);
    }

    @Test
    void statusErrorsAndConflictsComeFromTheRunningAgent() throws Exception {
        try (TestAgent agent = TestAgent.start(ConflictSettings.of(new ConflictPolicy.Manual()), UserMap.identity(),
                s -> s, "a", "b")) {
            agent.createSynced("a", "client-1", 1);
            agent.makeConflict("client-1", "a", "b");
            TestAgent.await("held conflict", () -> agent.engine.status().openConflicts() == 1);
            String g = agent.makeWriteError("a", "b", "client-2");
            agent.system("b").setDown(true);
            TestAgent.await("b down", () -> !agent.systemUp("b"));

            AgentClient client = AgentClient.of(pointingAt(agent.server.port(), TestAgent.TOKEN)).orElseThrow();
            EngineStatus seen = client.status();
            EngineStatus truth = agent.engine.status();
            assertThat(seen.systems()).hasSize(2);
            assertThat(seen.systems().get(1).up()).isFalse();
            assertThat(seen.systems().get(1).reason()).hasValueSatisfying(r -> assertThat(r).contains("down"));
            assertThat(seen.systems().get(0).types()).isEqualTo(truth.systems().get(0).types());
            assertThat(seen.systems().get(0).since()).isEqualTo(truth.systems().get(0).since());
            assertThat(seen.openConflicts()).isEqualTo(1);
            assertThat(seen.store()).isEqualTo(truth.store());

            assertThat(client.errors(Optional.of("b"), 10)).anySatisfy(e -> assertThat(e.globalId()).hasValue(g));
            assertThat(client.errors(Optional.of("a"), 10)).isEmpty();
            assertThat(client.conflicts(true, 10)).singleElement().satisfies(c -> {
                assertThat(c.open()).isTrue();
                assertThat(c.system()).isEqualTo("b");
            });

            AgentClient wrong = AgentClient.of(pointingAt(agent.server.port(), "not-the-token")).orElseThrow();
            assertThatThrownBy(wrong::status).isInstanceOf(AgentClient.AgentException.class).hasMessageContaining("HTTP 401")
                    .hasMessageNotContaining("not-the-token");
        }
    }

    @Test
    void nothingListeningMeansNoAgentRuns() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AgentClient client = AgentClient.of(pointingAt(port, "some-token-value")).orElseThrow();
        assertThatThrownBy(client::status).isInstanceOf(AgentClient.NotRunning.class);
    }

    @Test
    void withoutATokenThereIsNoClient() throws Exception {
        assertThat(AgentClient.of(ServerSettings.defaults())).isEmpty();
    }
}
