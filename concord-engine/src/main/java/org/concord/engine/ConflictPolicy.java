package org.concord.engine;

import java.util.Arrays;
import java.util.Optional;

/** What happens when a system changed an item while another change of it was pending for that system. */
public enum ConflictPolicy {
    /** The pending version keeps the item; the system's version becomes a new item: nothing is lost. */
    DUPLICATE("duplicate");

    private final String code;

    ConflictPolicy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ConflictPolicy> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
