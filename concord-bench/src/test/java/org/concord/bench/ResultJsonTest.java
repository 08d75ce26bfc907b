package org.concord.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {

    @Test
    void aResultReadBackFromJsonHasTheSameFiguresTargetsAndNotes(@TempDir Path dir) throws Exception {
        ScenarioResult r = new ScenarioResult("hub-latency");
        r.add("sqlite", Figure.of("p99", 31.5, "ms", Target.atMost(25)));
        r.add("sqlite", Figure.of("p50", 4.2, "ms"));
        r.note("sqlite", "injector on time");
        r.note("a general note");
        r.timing(33.3, List.of(8.0, 7.0, 6.0), List.of(9.0, 7.5, 6.1));
        Path file = dir.resolve("r.json");
        ResultJson.writeOne(r, file);

        ScenarioResult back = ResultJson.readOne(file);
        assertThat(back.scenario()).isEqualTo("hub-latency");
        assertThat(back.outcome()).isEqualTo(ScenarioResult.Outcome.RAN);
        assertThat(back.figure("sqlite", "p99")).hasValueSatisfying(f -> {
            assertThat(f.value()).isEqualTo(31.5);
            assertThat(f.verdict()).isEqualTo("MISSED");
        });
        assertThat(back.groups().get(0).notes()).containsExactly("injector on time");
        assertThat(back.notes()).containsExactly("a general note");
        assertThat(back.loadBefore()).containsExactly(8.0, 7.0, 6.0);
    }

    @Test
    void theTableShowsEachFigureWithItsTargetAndVerdict() {
        ScenarioResult r = new ScenarioResult("throughput");
        r.add("sqlite 1→1", Figure.of("updates: changes/s", 21_000, "/s", Target.atLeast(20_000)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), r);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("throughput").contains("21,000").contains("≥ 20,000").contains("met");
    }

    @Test
    void aSkippedScenarioKeepsItsReason() throws Exception {
        ScenarioResult r = new ScenarioResult("vdirsyncer").skipped("vdirsyncer is not installed; apt-get install -y vdirsyncer");
        ScenarioResult back = ResultJson.fromJson(ResultJson.toJson(r));
        assertThat(back.outcome()).isEqualTo(ScenarioResult.Outcome.SKIPPED);
        assertThat(back.notes()).singleElement().asString().contains("apt-get install -y vdirsyncer");
    }
}
