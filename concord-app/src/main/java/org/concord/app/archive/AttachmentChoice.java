package org.concord.app.archive;

import java.util.ArrayList;
import java.util.List;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailMessage;

/** Which of the message's attachments to file with it. */
public sealed interface AttachmentChoice permits AttachmentChoice.All, AttachmentChoice.None, AttachmentChoice.Named {

    record All() implements AttachmentChoice {}

    record None() implements AttachmentChoice {}

    record Named(List<String> names) implements AttachmentChoice {
        public Named {
            names = List.copyOf(names);
        }
    }

    /** Reads {@code all}, {@code none} or {@code NAME,NAME,…}. */
    static AttachmentChoice parse(String text) {
        return switch (text.strip()) {
            case "all" -> new All();
            case "none" -> new None();
            default -> new Named(List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        };
    }

    /** The chosen attachments of {@code message}; a name it does not have is an error listing those it has. */
    default List<MailAttachment> pick(MailMessage message) throws OrderException {
        return switch (this) {
            case All a -> message.attachments();
            case None n -> List.of();
            case Named(List<String> names) -> {
                List<MailAttachment> out = new ArrayList<>();
                for (String name : names) {
                    out.add(message.attachment(name).orElseThrow(() -> new OrderException("--attachments: the message has no attachment '"
                            + name + "'; it has " + (message.attachments().isEmpty() ? "none"
                                    : String.join(", ", message.attachments().stream().map(MailAttachment::name).toList())))));
                }
                yield out;
            }
        };
    }
}
