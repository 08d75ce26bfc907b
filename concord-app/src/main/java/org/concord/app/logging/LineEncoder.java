package org.concord.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.util.CachingDateFormatter;
import java.util.List;

/**
 * One line per event: {@code 2026-11-25 13:44:41.186 INFO  the message}, then the exception's
 * first line and frame if there is one — what the pattern
 * {@code %d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %msg%n%ex{short}} prints. Written out rather than
 * given as a pattern: a pattern layout links fifty converters when it starts, a tenth of a
 * second of a cron run.
 */
final class LineEncoder extends EncoderBase<ILoggingEvent> {
    private final CachingDateFormatter time = new CachingDateFormatter("yyyy-MM-dd HH:mm:ss.SSS");
    private final ThrowableProxyConverter exception = new ThrowableProxyConverter();

    @Override
    public void start() {
        exception.setContext(getContext());
        exception.setOptionList(List.of("short"));
        exception.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(time.format(event.getTimeStamp())).append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ').append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(exception.convert(event));
        }
        // the platform's charset, as a pattern encoder without one writes
        return line.toString().getBytes();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
