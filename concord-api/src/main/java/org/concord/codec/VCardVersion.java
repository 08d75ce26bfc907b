package org.concord.codec;

import java.util.Optional;

/** The vCard versions Concord reads and writes. The code is the VERSION property's value. */
public enum VCardVersion {
    V2_1("2.1"),
    V3_0("3.0"),
    V4_0("4.0");

    private final String code;

    VCardVersion(String code) {
        this.code = code;
    }

    /** The VERSION value, e.g. {@code "3.0"}. */
    public String code() {
        return code;
    }

    public static Optional<VCardVersion> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        for (VCardVersion v : values()) {
            if (v.code.equals(trimmed)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The version the first card of {@code text} declares, so a connector can write a card back
     * in the version it read; empty if the text has no VCARD or no known VERSION.
     */
    public static Optional<VCardVersion> of(String text) {
        return VCardReading.firstVersion(text);
    }
}
