package org.concord.connector.vdir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concord.codec.VCardVersion;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * A vdir system's settings, validated.
 *
 * @param system the system's name, for messages
 * @param root the folder ({@code path})
 * @param vcardVersion the vCard version of the files the hub writes ({@code vcard-version})
 * @param rescanInterval how often a full listing runs as a safety net ({@code rescan-interval})
 * @param users the user folders that sync, or empty for all ({@code users})
 * @param archiveSizeCap the largest e-mail message filed to a record ({@code archive-size-cap})
 */
record VdirSettings(String system, Path root, VCardVersion vcardVersion, Duration rescanInterval,
        Optional<Set<String>> users, long archiveSizeCap) {

    static final String PATH = "path";
    static final String VCARD_VERSION = "vcard-version";
    static final String RESCAN_INTERVAL = "rescan-interval";
    static final String USERS = "users";
    static final String ARCHIVE_SIZE_CAP = "archive-size-cap";
    static final long DEFAULT_ARCHIVE_SIZE_CAP = 50L * 1024 * 1024;

    /**
     * vCard 3.0 by default: it is what the tools that read such folders (khard, vdirsyncer's
     * targets, Apple Contacts and Outlook imports, phones) all understand, while 4.0 is still
     * refused or half-read by several of them. Sites whose folder is read only by 4.0-aware
     * tools can choose 4.0, which maps to JSContact with less loss.
     */
    static final String DEFAULT_VCARD_VERSION = "3.0";
    static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofMinutes(5);

    static VdirSettings from(SystemConfig config) throws ConfigException {
        config.requireOnly(Set.of(PATH, VCARD_VERSION, RESCAN_INTERVAL, USERS, ARCHIVE_SIZE_CAP));
        String pathText = config.string(PATH);
        if (pathText.isBlank()) {
            throw new ConfigException(config.key(PATH), "is empty; give the folder that holds the user folders");
        }
        Path root = config.path(PATH).toAbsolutePath().normalize();

        VCardVersion vcardVersion;
        try {
            vcardVersion = Formats.vcardVersion(config.string(VCARD_VERSION, DEFAULT_VCARD_VERSION));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.key(VCARD_VERSION), e.getMessage());
        }

        Duration rescanInterval = config.duration(RESCAN_INTERVAL, DEFAULT_RESCAN_INTERVAL);
        if (rescanInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException(config.key(RESCAN_INTERVAL), "must be at least 1s, found " + rescanInterval);
        }

        Optional<Set<String>> users = Optional.empty();
        if (config.has(USERS)) {
            List<String> names = config.strings(USERS);
            if (names.isEmpty()) {
                throw new ConfigException(config.key(USERS), "is an empty list; leave it out to sync every user folder");
            }
            for (String name : names) {
                Optional<String> problem = Layout.userNameProblem(name);
                if (problem.isPresent()) {
                    throw new ConfigException(config.key(USERS), "'" + name + "' cannot be a folder name: " + problem.get());
                }
            }
            users = Optional.of(Set.copyOf(new LinkedHashSet<>(names)));
        }
        long cap = config.bytes(ARCHIVE_SIZE_CAP, DEFAULT_ARCHIVE_SIZE_CAP);
        if (cap < 1024) {
            throw new ConfigException(config.key(ARCHIVE_SIZE_CAP), "must be at least 1KB, found " + cap + " bytes");
        }
        return new VdirSettings(config.name(), root, vcardVersion, rescanInterval, users, cap);
    }
}
