package org.concord.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers of an e-mail message that a record keeps, decoded.
 *
 * @param messageId the Message-ID header with its angle brackets: the idempotency key of
 *     archiving (a message without one gets an id made from a hash of its source)
 * @param from the sender's address ({@code ada@example.org}), or empty if there is none
 * @param fromDisplay the sender as written, with the name ({@code Ada Lovelace <ada@example.org>})
 * @param to the addresses of the To recipients
 * @param cc the addresses of the Cc recipients
 * @param text the plain-text body (or the HTML body reduced to text), possibly shortened
 */
public record MailEnvelope(String messageId, String subject, String from, String fromDisplay, List<String> to,
        List<String> cc, Optional<Instant> date, String text) {
    public MailEnvelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromDisplay, "fromDisplay");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
    }

    /** The sender and every recipient, in that order, each once: what record suggestions look for. */
    public List<String> addresses() {
        List<String> all = new ArrayList<>();
        if (!from.isEmpty()) {
            all.add(from);
        }
        all.addAll(to);
        all.addAll(cc);
        return all.stream().distinct().toList();
    }
}
