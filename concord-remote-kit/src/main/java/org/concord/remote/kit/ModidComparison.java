package org.concord.remote.kit;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * How two modification ids of one application compare. Modids travel as strings; the application
 * declares which order they increase in. Wire codes are part of the protocol.
 */
public enum ModidComparison implements Comparator<String> {
    /** Decimal integers of any size, compared by value ("9" &lt; "10"). */
    INTEGER("integer") {
        @Override
        public int compare(String a, String b) {
            return new BigInteger(a.trim()).compareTo(new BigInteger(b.trim()));
        }

        @Override
        public boolean isValid(String modid) {
            return modid != null && modid.trim().matches("-?[0-9]+");
        }
    },
    /** Text compared character by character (UTF-16 code units), e.g. fixed-width time stamps. */
    TEXT("text") {
        @Override
        public int compare(String a, String b) {
            return a.compareTo(b);
        }

        @Override
        public boolean isValid(String modid) {
            return modid != null && !modid.isEmpty();
        }
    };

    private final String code;

    ModidComparison(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether {@code modid} can be compared under this order at all. */
    public abstract boolean isValid(String modid);

    public static Optional<ModidComparison> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
