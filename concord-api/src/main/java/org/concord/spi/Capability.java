package org.concord.spi;

/** Optional abilities a connector declares. Wire codes are stable. */
public enum Capability {
    /** getChanges can block until something changes (a watcher, long poll, LISTEN/NOTIFY): no polling needed. */
    PUSH("push"),
    /** Can file an e-mail message with attachments to a record. */
    ARCHIVE("archive"),
    /** Can search records by name, e-mail address or company. */
    SEARCH("search");

    private final String code;

    Capability(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
