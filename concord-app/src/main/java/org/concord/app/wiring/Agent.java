package org.concord.app.wiring;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigFileException;
import org.concord.app.notify.Notifiers;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;
import org.concord.engine.Tuning;
import org.concord.server.AdminServer;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;

/**
 * A config turned into running parts: the store, an engine over the configured systems, and the
 * watchdog's notification channels.
 * Connectors are created (validating their settings) but not opened; the engine opens them.
 */
public final class Agent implements AutoCloseable {
    private final Config config;
    private final Store store;
    private final Engine engine;
    private final Notifiers notifiers;
    private AdminServer server;
    private ArchiverDesk desk;

    private Agent(Config config, Store store, Engine engine, Notifiers notifiers) {
        this.config = config;
        this.store = store;
        this.engine = engine;
        this.notifiers = notifiers;
    }

    public static Agent build(Config config) throws ConfigFileException {
        List<SystemSpec> specs = connectors(config);
        Store store = Stores.open(config.store(), config.baseDir());
        try {
            Engine engine = new Engine(store, specs, config.users(), config.conflicts(), Tuning.defaults(), Clock.systemUTC());
            engine.setWatchdogInterval(config.notifications().watchdogInterval());
            engine.setGuards(config.guards());
            Notifiers notifiers = Notifiers.start(config.notifications());
            notifiers.listeners().forEach(engine::addListener);
            return new Agent(config, store, engine, notifiers);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Creates one (unopened) connector per system; a bad setting is a config error naming its key. */
    public static List<SystemSpec> connectors(Config config) throws ConfigFileException {
        ConnectorRegistry registry = new ConnectorRegistry();
        List<SystemSpec> specs = new ArrayList<>();
        for (Config.SystemEntry s : config.systems()) {
            try {
                Connector c = registry.create(s.connector(), s.settings());
                specs.add(new SystemSpec(s.name(), c, s.pollInterval()));
            } catch (ConfigException e) {
                specs.forEach(spec -> spec.connector().close());
                throw new ConfigFileException(config.file(), e.getMessage(), e);
            }
        }
        return specs;
    }

    public Config config() {
        return config;
    }

    public Store store() {
        return store;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Starts the admin server (REST API, console, metrics) on the config's {@code listen} address;
     * it stops with the agent.
     *
     * @throws IOException when the address cannot be listened on or the keystore cannot be used
     */
    public synchronized AdminServer startServer() throws IOException {
        if (server == null) {
            try {
                desk = new ArchiverDesk(config);
            } catch (ConfigException e) {
                throw new IOException(config.file() + ": " + e.getMessage(), e);
            }
            try {
                server = AdminServer.start(engine, store, config.server(), desk);
            } catch (IOException | RuntimeException e) {
                desk.close();
                desk = null;
                throw e;
            }
        }
        return server;
    }

    @Override
    public void close() {
        AdminServer running;
        ArchiverDesk runningDesk;
        synchronized (this) {
            running = server;
            server = null;
            runningDesk = desk;
            desk = null;
        }
        if (running != null) {
            running.close();
        }
        if (runningDesk != null) {
            runningDesk.close();
        }
        try {
            engine.close();
        } finally {
            try {
                notifiers.close();
            } finally {
                store.close();
            }
        }
    }
}
