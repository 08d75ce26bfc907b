package org.concord.spi;

/**
 * Makes connectors of one kind. Found with {@link java.util.ServiceLoader}: a connector module
 * lists its factory in {@code META-INF/services/org.concord.spi.ConnectorFactory}, and the app
 * never names a concrete connector.
 */
public interface ConnectorFactory {

    /** The kind, as written in the config's {@code connector:} key: {@code vdir}, {@code dav}, … */
    String kind();

    /**
     * Validates the system's settings and makes an unopened connector. Every problem is a
     * {@link ConfigException} naming the key; nothing here touches the network.
     */
    Connector create(SystemConfig config) throws ConfigException;
}
