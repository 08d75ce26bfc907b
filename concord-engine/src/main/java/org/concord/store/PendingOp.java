package org.concord.store;

import java.util.Arrays;

/** What a pending entry asks the target to do. Wire codes are stored. */
public enum PendingOp {
    UPSERT("U"),
    DELETE("D");

    private final String code;

    PendingOp(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PendingOp byCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pending op code '" + code + "'"));
    }
}
