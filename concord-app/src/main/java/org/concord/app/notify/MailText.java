package org.concord.app.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The subject and plain-text body of a notification mail. */
final class MailText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int SUBJECT_REASON_MAX = 120;

    private MailText() {}

    /** {@code [concord] system 'crm' is DOWN: connection refused} / {@code … is up again after 3m 12s}. */
    static String subject(Notification n) {
        return switch (n) {
            case Notification.Down d -> "[concord] system '" + d.system() + "' is DOWN: " + oneLine(d.reason(), SUBJECT_REASON_MAX);
            case Notification.Up u -> "[concord] system '" + u.system() + "' is up again after " + Notification.humanDuration(u.downFor());
        };
    }

    static String body(Notification n) {
        return switch (n) {
            case Notification.Down d -> """
                    The Concord watchdog on %s found system '%s' DOWN.

                    System:      %s
                    Down since:  %s
                    Reason:      %s

                    Changes meant for it wait in its queue and are delivered when it is back;
                    another mail will say when that is.
                    """.formatted(d.host(), d.system(), d.system(), time(d.since()), d.reason());
            case Notification.Up u -> """
                    The Concord watchdog on %s found system '%s' up again.

                    System:      %s
                    Up since:    %s
                    Down for:    %s (since %s)

                    What it missed while it was down is being delivered now.
                    """.formatted(u.host(), u.system(), u.system(), time(u.at()), Notification.humanDuration(u.downFor()),
                    time(u.downSince()));
        };
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** A reason fit for a subject line: whitespace runs (line breaks included) as one space, cut if long. */
    static String oneLine(String text, int max) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
