package org.concord.app.archive;

import java.util.Objects;

/**
 * Who asks to read or archive a message: a user of the hub (canonical user name), or an admin.
 * Only the mailbox's owner or an admin may archive a user's message. The CLI's operator is an
 * admin; the console passes its logged-in user.
 */
public record Requester(String name, boolean admin) {
    public Requester {
        Objects.requireNonNull(name, "name");
    }

    /** Whoever runs the CLI on the hub's machine: they can read its config, so they are an admin. */
    public static Requester operator() {
        return new Requester(System.getProperty("user.name", "operator"), true);
    }

    /** Whether this requester may archive the messages of {@code owner} (a canonical user name). */
    public boolean mayArchiveFor(String owner) {
        return admin || name.equals(owner);
    }
}
