package org.concord.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scenario measured: its figures in order, a few words of context per group, and how it
 * ended. Figures are grouped by a case label ("sqlite 1→1", "radicale→xandikos").
 */
public final class ScenarioResult {

    /** How a scenario ended. */
    public enum Outcome {
        /** It ran; its figures are valid. */
        RAN("ran"),
        /** It could not run here (a program missing and not installable); the note says why. */
        SKIPPED("skipped"),
        /** It broke; the note holds the error. */
        FAILED("failed");

        final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Figures of one case of a scenario. */
    public record Group(String label, List<Figure> figures, List<String> notes) {}

    private final String scenario;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Outcome outcome = Outcome.RAN;
    private double seconds;
    private List<Double> loadBefore = List.of();
    private List<Double> loadAfter = List.of();

    public ScenarioResult(String scenario) {
        this.scenario = scenario;
    }

    public String scenario() {
        return scenario;
    }

    /** Adds a figure to a case, creating the case on first use. */
    public ScenarioResult add(String group, Figure figure) {
        groups.computeIfAbsent(group, g -> new Group(g, new ArrayList<>(), new ArrayList<>())).figures().add(figure);
        return this;
    }

    public ScenarioResult note(String group, String note) {
        groups.computeIfAbsent(group, g -> new Group(g, new ArrayList<>(), new ArrayList<>())).notes().add(note);
        return this;
    }

    public ScenarioResult note(String note) {
        notes.add(note);
        return this;
    }

    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public Optional<Figure> figure(String group, String name) {
        Group g = groups.get(group);
        return g == null ? Optional.empty() : g.figures().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Outcome outcome() {
        return outcome;
    }

    public ScenarioResult skipped(String why) {
        outcome = Outcome.SKIPPED;
        notes.add(why);
        return this;
    }

    public ScenarioResult failed(String why) {
        outcome = Outcome.FAILED;
        notes.add(why);
        return this;
    }

    public double seconds() {
        return seconds;
    }

    public void timing(double seconds, List<Double> loadBefore, List<Double> loadAfter) {
        this.seconds = seconds;
        this.loadBefore = List.copyOf(loadBefore);
        this.loadAfter = List.copyOf(loadAfter);
    }

    public List<Double> loadBefore() {
        return loadBefore;
    }

    public List<Double> loadAfter() {
        return loadAfter;
    }

    /** Restores the outcome read back from JSON. */
    void outcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
