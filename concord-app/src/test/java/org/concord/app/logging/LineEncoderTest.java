package org.concord.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineEncoderTest {
    private final LoggerContext context = new LoggerContext();

    private String lineOf(LoggingEvent event) {
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    /** The line the logback.xml pattern of earlier versions printed for the same event. */
    private String patternLineOf(LoggingEvent event) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %msg%n%ex{short}");
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
        LoggingEvent e = new LoggingEvent("test", context.getLogger("concord.test"), level, message, thrown, args);
        e.setTimeStamp(1_795_615_140_290L);
        return e;
    }

    @Test
    void aMessageIsOneLineAsThePatternPrintedIt() {
        LoggingEvent e = event(Level.INFO, "read {} changes from '{}'", null, 500, "radicale");
        assertThat(lineOf(e)).isEqualTo(patternLineOf(e)).contains("INFO  read 500 changes from 'radicale'").endsWith("\n");
    }

    @Test
    void anExceptionAddsItsFirstLineAndFrameAsThePatternPrintedThem() {
        LoggingEvent e = event(Level.WARN, "system '{}' is down", new IOException("connection reset",
                new IllegalStateException("inner")), "dav");
        assertThat(lineOf(e)).isEqualTo(patternLineOf(e)).contains("WARN  system 'dav' is down")
                .contains("java.io.IOException: connection reset").contains("Caused by: java.lang.IllegalStateException: inner");
    }
}
