package org.concord.spi;

/**
 * A configuration value is missing, of the wrong type or unknown. {@code key} is the full dotted
 * path in the config file (e.g. {@code systems.crm.url}); the CLI adds the file name and exits 2.
 */
public class ConfigException extends Exception {
    private final String key;
    private final String reason;

    public ConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
