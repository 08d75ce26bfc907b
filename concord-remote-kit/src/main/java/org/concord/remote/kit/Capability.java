package org.concord.remote.kit;

/** Optional endpoints an application offers. Wire codes are part of the protocol. */
public enum Capability {
    /** {@code GET search}: find records by name, e-mail address or company. */
    SEARCH("search"),
    /** {@code POST archive}: file an e-mail message with its attachments to a record. */
    ARCHIVE("archive");

    private final String code;

    Capability(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
