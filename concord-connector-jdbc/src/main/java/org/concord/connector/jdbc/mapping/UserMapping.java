package org.concord.connector.jdbc.mapping;

import java.util.Optional;

/**
 * Whose a row is. Either every row belongs to {@code fixed}, or {@code column} holds the user: a
 * user name, or an id looked up in the system's users table. A row without a user belongs to
 * {@code unassigned} when set, and to nobody (it is not synced) otherwise.
 */
public record UserMapping(Optional<String> column, Optional<String> fixed, Optional<String> unassigned) {}
