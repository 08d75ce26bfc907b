package org.concord.connector.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.concord.connector.jdbc.mapping.ArchiveLayout;
import org.concord.connector.jdbc.mapping.ArchiveLayoutParser;
import org.concord.connector.jdbc.mapping.Mapping;
import org.concord.connector.jdbc.mapping.MappingParser;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * The settings of one jdbc system. The password is kept for connecting and never printed.
 *
 * @param origin the marker the triggers record for this connector's own writes
 * @param pollInterval how often a blocking read looks at the change log (MariaDB) or the tables (polling)
 * @param pollLag how far behind the database clock polling stays, so a row committed late in the
 *     same second is not skipped
 * @param gapTimeout how long a hole in the change log's ids is awaited (a transaction still open)
 * @param readerExpiry after how long without a read a reader no longer holds back pruning
 * @param carry the carry table (global ids of created rows, and what rows cannot hold), or empty
 *     when switched off
 * @param archive where archived e-mail goes and which records it can be filed to, or empty when
 *     this system is no archive target
 * @param uploadDir the CRM's upload directory, where attachment files go, named by their row's id
 * @param archiveSizeCap the largest message, in bytes of its source, filed to this system
 */
record JdbcSettings(
        String system,
        Dialect dialect,
        String url,
        Optional<String> username,
        Optional<String> password,
        Optional<Boolean> tls,
        CaptureMode capture,
        String changeLog,
        String origin,
        Duration pollInterval,
        Duration pollLag,
        Duration gapTimeout,
        Duration readerExpiry,
        Duration connectTimeout,
        Optional<String> carry,
        Mapping mapping,
        Optional<ArchiveLayout> archive,
        Optional<Path> uploadDir,
        long archiveSizeCap) {

    static final long DEFAULT_ARCHIVE_SIZE_CAP = 50L * 1024 * 1024;

    static final Set<String> KEYS = Set.of("url", "username", "password", "tls", "capture", "change-log",
            "poll-interval", "poll-lag", "gap-timeout", "reader-expiry", "connect-timeout", "carry", "carry-table",
            "archive", "upload-dir", "archive-size-cap");

    static JdbcSettings parse(SystemConfig c) throws ConfigException {
        java.util.Set<String> known = new java.util.HashSet<>(KEYS);
        known.addAll(MappingParser.KEYS);
        c.requireOnly(known);
        String url = c.string("url");
        Dialect dialect = Dialect.of(url);
        if (dialect == null) {
            throw new ConfigException(c.key("url"), "expected a jdbc:mariadb:, jdbc:mysql: or jdbc:postgresql: URL");
        }
        Optional<Boolean> tls = c.has("tls") ? Optional.of(c.bool("tls", true)) : Optional.empty();
        String captureText = c.string("capture", "triggers");
        CaptureMode capture = switch (captureText) {
            case "triggers" -> CaptureMode.TRIGGERS;
            case "polling" -> CaptureMode.POLLING;
            default -> throw new ConfigException(c.key("capture"), "'" + captureText + "' is not one of triggers, polling");
        };
        String changeLog = c.string("change-log", "concord_change_log");
        if (!changeLog.matches("[A-Za-z_][A-Za-z0-9_]{0,50}")) {
            throw new ConfigException(c.key("change-log"), "'" + changeLog + "' is not a plain SQL name of at most 51 characters");
        }
        String carryTable = c.string("carry-table", "concord_carry");
        if (!carryTable.matches("[A-Za-z_][A-Za-z0-9_]{0,50}")) {
            throw new ConfigException(c.key("carry-table"), "'" + carryTable + "' is not a plain SQL name of at most 51 characters");
        }
        Optional<String> carry = c.bool("carry", true) ? Optional.of(carryTable.toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        Mapping mapping = MappingParser.parse(c);
        if (capture == CaptureMode.POLLING) {
            for (var t : mapping.tables()) {
                if (t.modifiedColumn().isEmpty()) {
                    throw new ConfigException(c.key("tables." + t.name() + ".modified"),
                            "polling needs the column holding each row's modification time");
                }
            }
        }
        Optional<ArchiveLayout> archive = ArchiveLayoutParser.parse(c);
        Optional<Path> uploadDir = Optional.empty();
        if (c.has("upload-dir")) {
            if (archive.isEmpty() || archive.get().attachments().isEmpty()) {
                throw new ConfigException(c.key("upload-dir"), "this system keeps no attachment files: its archive layout "
                        + "has no attachments table (set preset: crm, or archive.attachments)");
            }
            uploadDir = Optional.of(c.path("upload-dir"));
        }
        long sizeCap = c.bytes("archive-size-cap", DEFAULT_ARCHIVE_SIZE_CAP);
        if (sizeCap < 1024) {
            throw new ConfigException(c.key("archive-size-cap"), "must be at least 1KB, found " + sizeCap + " bytes");
        }
        if (c.has("archive-size-cap") && archive.isEmpty()) {
            throw new ConfigException(c.key("archive-size-cap"), "this system is no archive target (set preset: crm, or archive)");
        }
        Duration pollInterval = positive(c, "poll-interval", Duration.ofMillis(100));
        return new JdbcSettings(c.name(), dialect, url, c.optionalString("username"), c.optionalString("password"), tls,
                capture, changeLog.toLowerCase(java.util.Locale.ROOT), "concord:" + c.name(), pollInterval,
                positive(c, "poll-lag", Duration.ofSeconds(2)), positive(c, "gap-timeout", Duration.ofMinutes(10)),
                positive(c, "reader-expiry", Duration.ofDays(30)), positive(c, "connect-timeout", Duration.ofSeconds(10)),
                carry, mapping, archive, uploadDir, sizeCap);
    }

    private static Duration positive(SystemConfig c, String key, Duration fallback) throws ConfigException {
        Duration d = c.duration(key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(c.key(key), "must be longer than zero");
        }
        return d;
    }

    String readersTable() {
        return changeLog + "_readers";
    }

    /** How errors name this system: {@code jdbc 'crm'}. */
    String label() {
        return "jdbc '" + system + "'";
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + system + ", " + dialect.label() + ", capture=" + capture.code() + "]";
    }
}
