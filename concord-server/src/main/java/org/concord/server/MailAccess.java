package org.concord.server;

import java.util.Map;
import org.concord.engine.UserMap;

/**
 * Who may see and archive whose mail. The admin token and every console user the config does not
 * limit ({@code console.mailbox-users}) are admins; a limited console user acts for one hub user
 * and may reach that user's mailboxes only, in every mail system, by the user map's names.
 */
final class MailAccess {
    private final Map<String, String> mailboxUsers;
    private final UserMap users;

    MailAccess(Map<String, String> mailboxUsers, UserMap users) {
        this.mailboxUsers = Map.copyOf(mailboxUsers);
        this.users = users;
    }

    ArchiveDesk.Asker asker(Caller caller) throws HttpProblem {
        return switch (caller.kind()) {
            case TOKEN -> new ArchiveDesk.Asker(caller.name(), true);
            case CONSOLE_USER -> {
                String limited = mailboxUsers.get(caller.name());
                yield limited == null ? new ArchiveDesk.Asker(caller.name(), true) : new ArchiveDesk.Asker(limited, false);
            }
            case ANONYMOUS, METRICS_TOKEN -> throw new HttpProblem(401, "authentication required to reach mailboxes");
        };
    }

    /** The hub user who owns {@code user}'s mailbox in {@code system}. */
    String owner(String system, String user) {
        return users.canonical(system, user);
    }

    /** The name of hub user {@code canonical} in {@code system}. */
    String nameIn(String system, String canonical) {
        return users.nativeUser(system, canonical);
    }

    /** Refuses (403) an asker who is neither the mailbox's owner nor an admin. */
    void checkMailbox(ArchiveDesk.Asker asker, Caller caller, String system, String user) throws HttpProblem {
        if (asker.admin()) {
            return;
        }
        String owner = owner(system, user);
        if (!owner.equals(asker.name())) {
            throw new HttpProblem(403, "console user '" + caller.name() + "' may not reach mailbox '" + user + "' of '"
                    + system + "': only its owner or an admin may, and this user acts for '" + asker.name() + "' only");
        }
    }
}
