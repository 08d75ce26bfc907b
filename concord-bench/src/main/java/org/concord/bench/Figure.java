package org.concord.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * One measured number.
 *
 * @param name what it is, e.g. "p99" or "changes/s"
 * @param target the goal for it, when it has one
 */
public record Figure(String name, double value, String unit, Optional<Target> target) {

    public static Figure of(String name, double value, String unit) {
        return new Figure(name, value, unit, Optional.empty());
    }

    public static Figure of(String name, double value, String unit, Target target) {
        return new Figure(name, value, unit, Optional.of(target));
    }

    /** "met", "MISSED", or "" without a target. */
    public String verdict() {
        return target.map(t -> t.met(value) ? "met" : "MISSED").orElse("");
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public String formattedValue() {
        return format(value);
    }
}
