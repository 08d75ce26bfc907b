package org.concord.app.config;

/**
 * A value from the config that must never be printed (a password, a token): {@link #toString()}
 * hides it, so a secret cannot reach a log line or a message by accident; only the code that
 * sends it over the wire calls {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = java.util.Objects.requireNonNull(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
