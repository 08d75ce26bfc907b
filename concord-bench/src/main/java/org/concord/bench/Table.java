package org.concord.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human table: one block per scenario, one line per figure, the target and whether it was met. */
final class Table {
    private Table() {}

    static void print(PrintStream out, ScenarioResult r) {
        String load = r.loadBefore().isEmpty() ? "" : String.format(Locale.ROOT, ", load %.1f → %.1f",
                r.loadBefore().get(0), r.loadAfter().isEmpty() ? Double.NaN : r.loadAfter().get(0));
        out.printf(Locale.ROOT, "%n== %s — %s (%.0f s%s)%n", r.scenario(), r.outcome().code(), r.seconds(), load);
        for (String note : r.notes()) {
            out.println("   " + note);
        }
        for (ScenarioResult.Group g : r.groups()) {
            out.printf("  %s%n", g.label());
            for (Figure f : g.figures()) {
                String target = f.target().map(Object::toString).orElse("");
                out.printf(Locale.ROOT, "    %-34s %14s %-8s %-14s %s%n", f.name(), f.formattedValue(), f.unit(), target,
                        f.verdict());
            }
            for (String note : g.notes()) {
                out.println("    · " + note);
            }
        }
    }

    static void summary(PrintStream out, List<ScenarioResult> results) {
        out.println();
        out.println("== summary");
        for (ScenarioResult r : results) {
            long met = r.groups().stream().flatMap(g -> g.figures().stream()).filter(f -> f.verdict().equals("met")).count();
            long missed = r.groups().stream().flatMap(g -> g.figures().stream()).filter(f -> f.verdict().equals("MISSED")).count();
            out.printf(Locale.ROOT, "  %-16s %-8s %5.0f s   targets met %d, missed %d%n", r.scenario(), r.outcome().code(),
                    r.seconds(), met, missed);
        }
    }
}
