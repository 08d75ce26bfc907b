package org.concord.app.archive;

import java.nio.file.Path;
import java.util.Objects;
import org.concord.spi.MessageLocator;

/** Where the message to archive comes from. */
public sealed interface MessageSource permits MessageSource.InMailbox, MessageSource.InFile {

    /** A message of a mailbox system: {@code imap:SYSTEM/USER/FOLDER/UID}. */
    record InMailbox(String system, MessageLocator locator) implements MessageSource {
        public InMailbox {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(locator, "locator");
        }

        @Override
        public String toString() {
            return "imap:" + system + "/" + locator;
        }
    }

    /** An RFC 822 file ({@code .eml}); it has no mailbox owner. */
    record InFile(Path file) implements MessageSource {
        public InFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /** Reads {@code imap:SYSTEM/USER/FOLDER/UID} or a file path. */
    static MessageSource parse(String text) throws OrderException {
        if (text.startsWith("imap:")) {
            String rest = text.substring("imap:".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                throw new OrderException("--message " + text + ": expected imap:SYSTEM/USER/FOLDER/UID");
            }
            try {
                return new InMailbox(rest.substring(0, slash), MessageLocator.parse(rest.substring(slash + 1)));
            } catch (IllegalArgumentException e) {
                throw new OrderException("--message " + text + ": " + e.getMessage().replace("USER/FOLDER/UID",
                        "imap:SYSTEM/USER/FOLDER/UID"));
            }
        }
        return new InFile(Path.of(text));
    }
}
