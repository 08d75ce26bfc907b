package org.concord.app.notify;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line written while it is open (message and exception text), to check what an admin would read. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger notify = (Logger) LoggerFactory.getLogger("concord.notify");
    private final ch.qos.logback.classic.Level notifyLevel = notify.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        // Debug lines too: a secret must not hide in them either.
        notify.setLevel(ch.qos.logback.classic.Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(e.getLevel() + " " + e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(line.toString());
        }
        return out;
    }

    String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        notify.setLevel(notifyLevel);
        appender.stop();
    }
}
