package org.concord.bench;

/**
 * A goal from the issue a figure is held against.
 *
 * @param atMost true for "≤ bound" (latencies, memory), false for "≥ bound" (rates, speed-ups)
 */
public record Target(boolean atMost, double bound) {

    public static Target atMost(double bound) {
        return new Target(true, bound);
    }

    public static Target atLeast(double bound) {
        return new Target(false, bound);
    }

    public boolean met(double value) {
        return atMost ? value <= bound : value >= bound;
    }

    @Override
    public String toString() {
        return (atMost ? "≤ " : "≥ ") + Figure.format(bound);
    }
}
