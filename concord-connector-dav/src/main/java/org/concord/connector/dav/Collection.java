package org.concord.connector.dav;

import java.net.URI;
import java.util.Set;
import org.concord.connector.dav.http.Account;
import org.concord.model.ItemType;

/**
 * A collection bound to one user's scopes: the types it holds for that user (a calendar may hold
 * events, tasks and notes at once), the account to use, and how its changes are read.
 */
record Collection(String user, Account account, RemoteCollection remote, Set<ItemType> types, boolean syncCollection) {

    Collection {
        types = Set.copyOf(types);
    }

    URI uri() {
        return remote.uri();
    }

    /** The decoded path: the key of this collection in the cursor, and the prefix of its members' native ids. */
    String path() {
        return remote.path();
    }

    boolean holds(String nativeId) {
        return nativeId.startsWith(path()) && nativeId.length() > path().length() && nativeId.indexOf('/', path().length()) < 0;
    }

    /** The type reported for a member that cannot be read, or deleted without the hub knowing it. */
    ItemType primaryType() {
        return types.stream().sorted().findFirst().orElseThrow();
    }
}
