package org.concord.remote.kit;

import java.util.Arrays;
import java.util.Optional;

/** The JSON kind of one field of a flat record. Wire codes are part of the protocol. */
public enum FieldKind {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean");

    private final String code;

    FieldKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<FieldKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
