package org.concord.connector.remote;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;

/**
 * How the application's modification ids compare, as it declares in its ping ("integer" or
 * "text"), as the original agent let each connector override its modid comparator.
 */
enum ModidOrder implements Comparator<String> {
    INTEGER("integer") {
        @Override
        public int compare(String a, String b) {
            return new BigInteger(a.trim()).compareTo(new BigInteger(b.trim()));
        }

        @Override
        boolean isValid(String modid) {
            return modid.trim().matches("-?[0-9]+");
        }
    },
    TEXT("text") {
        @Override
        public int compare(String a, String b) {
            return a.compareTo(b);
        }

        @Override
        boolean isValid(String modid) {
            return !modid.isEmpty();
        }
    };

    private final String code;

    ModidOrder(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    abstract boolean isValid(String modid);

    String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }

    static Optional<ModidOrder> byCode(String code) {
        for (ModidOrder o : values()) {
            if (o.code.equals(code)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
