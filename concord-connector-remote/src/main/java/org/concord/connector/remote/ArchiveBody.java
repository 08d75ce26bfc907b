package org.concord.connector.remote;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.RecordKey;

/**
 * The body of one {@code POST archive}, written by a virtual thread into a pipe while the HTTP
 * client reads it: attachments are read from their streams and base64-encoded on the way, so
 * memory holds one pipe buffer and one encoding buffer whatever their size. A failure while
 * writing ends the body early (the application then answers 400) and is kept for the caller.
 */
final class ArchiveBody {
    private static final int PIPE_BUFFER = 64 * 1024;

    private final RecordKey record;
    private final MailEnvelope envelope;
    private final List<MailAttachment> attachments;
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    ArchiveBody(RecordKey record, MailEnvelope envelope, List<MailAttachment> attachments) {
        this.record = record;
        this.envelope = envelope;
        this.attachments = attachments;
    }

    /** A fresh stream of the whole body; each call writes it again from the start. */
    InputStream open() {
        PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException("a new pipe cannot be connected", e);
        }
        Thread.ofVirtual().name("archive-body").start(() -> {
            try (out; JsonGenerator g = HttpTransport.JSON.getFactory().createGenerator(out)) {
                write(g);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        });
        return in;
    }

    /** What went wrong while writing the body, if anything. */
    IOException failure() {
        return failure.get();
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("user", record.user());
        g.writeObjectFieldStart("target");
        g.writeStringField("type", record.type());
        g.writeStringField("id", record.id());
        g.writeEndObject();
        g.writeObjectFieldStart("message");
        g.writeStringField("messageId", envelope.messageId());
        g.writeStringField("subject", envelope.subject());
        g.writeStringField("from", envelope.from());
        g.writeArrayFieldStart("to");
        for (String to : envelope.to()) {
            g.writeString(to);
        }
        g.writeEndArray();
        if (envelope.date().isPresent()) {
            g.writeStringField("date", envelope.date().get().toString());
        }
        g.writeStringField("text", envelope.text());
        g.writeEndObject();
        g.writeArrayFieldStart("attachments");
        for (MailAttachment a : attachments) {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("mediaType", a.mediaType());
            g.writeFieldName("content");
            try (InputStream content = a.content().open()) {
                g.writeBinary(content, -1);
            } catch (IOException e) {
                throw new IOException("attachment '" + a.name() + "' could not be read: " + e.getMessage(), e);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
