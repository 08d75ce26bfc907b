package org.concord.engine;

import java.util.Locale;

/**
 * What happens when a system changed an item while another change of it was pending for that
 * system. Written in the config as {@code duplicate}, {@code merge}, {@code newest},
 * {@code prefer:SYSTEM} or {@code manual}.
 */
public sealed interface ConflictPolicy {

    /** The config spelling, also stored with every conflict. */
    String code();

    /** The pending version keeps the item; the system's version becomes a new item: nothing is lost. */
    record Duplicate() implements ConflictPolicy {
        @Override
        public String code() {
            return "duplicate";
        }
    }

    /**
     * Field-level three-way merge against the per-field hashes of the last synced state; fields
     * changed on both sides to different values fall back to the configured fallback policy.
     */
    record Merge() implements ConflictPolicy {
        @Override
        public String code() {
            return "merge";
        }
    }

    /** The version with the later modification time of its own wins; ties are broken by content. */
    record Newest() implements ConflictPolicy {
        @Override
        public String code() {
            return "newest";
        }
    }

    /** The version from {@code system} wins; between two other systems the fallback decides. */
    record Prefer(String system) implements ConflictPolicy {
        @Override
        public String code() {
            return "prefer:" + system;
        }
    }

    /** The item is held, with both versions, until an admin picks one or submits an edited version. */
    record Manual() implements ConflictPolicy {
        @Override
        public String code() {
            return "manual";
        }
    }

    ConflictPolicy DUPLICATE = new Duplicate();

    /** Parses the config spelling; the message of the exception lists what is allowed. */
    static ConflictPolicy parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("prefer:") && t.length() > "prefer:".length()) {
            return new Prefer(t.substring("prefer:".length()).trim());
        }
        return switch (lower) {
            case "duplicate" -> new Duplicate();
            case "merge" -> new Merge();
            case "newest" -> new Newest();
            case "manual" -> new Manual();
            default -> throw new IllegalArgumentException("unknown policy '" + text
                    + "'; known: duplicate, merge, newest, prefer:SYSTEM, manual");
        };
    }
}
