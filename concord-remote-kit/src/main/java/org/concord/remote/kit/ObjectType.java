package org.concord.remote.kit;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of object the protocol carries. The wire codes are part of the protocol: never rename them. */
public enum ObjectType {
    CONTACT("contact"),
    EVENT("event"),
    TASK("task"),
    NOTE("note");

    private final String code;

    ObjectType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ObjectType> byCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
