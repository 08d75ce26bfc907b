package org.concord.store;

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
        for (PendingOp op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown pending op code '" + code + "'");
    }
}
