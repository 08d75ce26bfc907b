package org.concord.remote.kit;

import java.util.Arrays;
import java.util.Optional;

/** What a change does to its object. Wire codes are part of the protocol. */
public enum Operation {
    /** The object was created or changed (in the feed), or is to be created or replaced (in a write). */
    UPSERT("upsert"),
    /** The object is gone, or is to be deleted. */
    DELETE("delete");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Operation> byCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
