package org.concord.app.archive;

import org.concord.spi.RecordRef;

/** A record of a target system whose e-mail address is the message's sender's or a recipient's. */
public record Suggestion(String system, RecordRef record) {}
