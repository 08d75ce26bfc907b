package org.concord.app.notify;

import java.time.Duration;
import java.time.Instant;

/** One up/down transition of a system, as every channel tells it to the admin. */
sealed interface Notification permits Notification.Down, Notification.Up {

    String system();

    /** When the transition happened. */
    Instant at();

    /** The machine the agent runs on, so an admin with several agents knows which one speaks. */
    String host();

    /** A few words for log lines: {@code system 'crm' down at 2025-05-01T10:00:00Z}. */
    String describe();

    /** The system stopped working at {@code since}, for {@code reason}. */
    record Down(String system, String reason, Instant since, String host) implements Notification {
        @Override
        public Instant at() {
            return since;
        }

        @Override
        public String describe() {
            return "system '" + system + "' down at " + since;
        }
    }

    /** The system works again at {@code at} after being down for {@code downFor}. */
    record Up(String system, Duration downFor, Instant at, String host) implements Notification {
        /** When the outage began. */
        Instant downSince() {
            return at.minus(downFor);
        }

        @Override
        public String describe() {
            return "system '" + system + "' up at " + at;
        }
    }

    /** {@code 45s}, {@code 3m 12s}, {@code 2h 5m}, {@code 1d 3h}: the two largest units, for people. */
    static String humanDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s == 0) {
            return d.isZero() || d.isNegative() ? "0s" : "under a second";
        }
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < sizes.length && shown < 2; i++) {
            long n = s / sizes[i];
            s %= sizes[i];
            if (n > 0 || shown > 0) {
                if (n > 0) {
                    out.append(out.isEmpty() ? "" : " ").append(n).append(units[i]);
                }
                shown++;
            }
        }
        return out.toString();
    }
}
