package org.concord.store;

import java.util.Arrays;

/** Where a sync error happened. Wire codes are stored. */
public enum ErrorPhase {
    READ("read"),
    WRITE("write");

    private final String code;

    ErrorPhase(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ErrorPhase byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown error phase '" + code + "'"));
    }
}
