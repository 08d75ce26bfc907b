package org.concord.spi;

/** What a ping found. */
public sealed interface Health permits Health.Up, Health.Down {

    /** The system works; {@code detail} is a short description (server name, version). */
    record Up(String detail) implements Health {}

    /** The system does not work, and why, in words an administrator can act on. */
    record Down(String reason) implements Health {}
}
