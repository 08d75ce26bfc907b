package org.concord.spi;

/**
 * A connector that needs something set up in its system before it can run (change-capture
 * triggers, a change-log table). {@code concord check --install} shows {@link #describeInstall()}
 * and then calls {@link #install()}; without {@code --install}, {@code check} only shows it.
 *
 * <p>{@code install} is idempotent: running it again after a configuration change brings the
 * system to the new configuration and leaves nothing twice. It may be called without
 * {@link Connector#open()} and opens what it needs itself.
 */
public interface Installable {

    /** What {@link #install()} will create or replace, in words an administrator can review. */
    String describeInstall();

    /** Creates or replaces what the connector needs in its system. */
    void install() throws ConnectorException;
}
