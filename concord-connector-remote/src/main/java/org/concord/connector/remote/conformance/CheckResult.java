package org.concord.connector.remote.conformance;

import java.util.Objects;

/** The outcome of one check: its name, pass / fail / skip, and the reason in words. */
public record CheckResult(String name, Outcome outcome, String reason) {

    public enum Outcome {
        PASS,
        FAIL,
        SKIP
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
