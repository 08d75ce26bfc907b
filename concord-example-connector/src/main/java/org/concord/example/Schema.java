package org.concord.example;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The example's tables and triggers. Every insert, update and delete of a contact takes the next
 * modid from a one-row counter and logs it. The counter row stays locked until the writing
 * transaction commits, so modids become visible in increasing order: a reader never sees modid 6
 * committed while 5 is still to come, which an AUTO_INCREMENT column would not promise.
 */
final class Schema {
    private Schema() {}

    static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS contacts (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              owner VARCHAR(100) NOT NULL,
              first_name VARCHAR(200) NULL,
              last_name VARCHAR(200) NULL,
              company VARCHAR(200) NULL,
              email VARCHAR(320) NULL,
              phone VARCHAR(100) NULL,
              note TEXT NULL,
              concord_extra MEDIUMTEXT NULL,
              concord_ref VARCHAR(200) NULL,
              modid BIGINT NOT NULL DEFAULT 0,
              UNIQUE KEY contacts_concord_ref (concord_ref),
              KEY contacts_modid (modid)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS contact_changes (
              modid BIGINT NOT NULL PRIMARY KEY,
              contact_id BIGINT NOT NULL,
              owner VARCHAR(100) NOT NULL,
              op CHAR(1) NOT NULL,
              KEY contact_changes_contact (contact_id, modid)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS modid_counter (
              id TINYINT NOT NULL PRIMARY KEY,
              modid BIGINT NOT NULL
            ) ENGINE=InnoDB""",
            "INSERT IGNORE INTO modid_counter (id, modid) VALUES (1, 0)",
            """
            CREATE TABLE IF NOT EXISTS contact_archive (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              contact_id BIGINT NOT NULL,
              message_id VARCHAR(500) NOT NULL,
              subject VARCHAR(1000) NOT NULL,
              sender VARCHAR(500) NOT NULL,
              sent_at DATETIME NULL,
              body MEDIUMTEXT NOT NULL,
              UNIQUE KEY contact_archive_message (message_id(255), contact_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS contact_archive_files (
              archive_id BIGINT NOT NULL,
              name VARCHAR(500) NOT NULL,
              media_type VARCHAR(200) NOT NULL,
              content LONGBLOB NOT NULL,
              KEY contact_archive_files_archive (archive_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TRIGGER IF NOT EXISTS contacts_before_insert BEFORE INSERT ON contacts FOR EACH ROW
            BEGIN
              UPDATE modid_counter SET modid = modid + 1 WHERE id = 1;
              SET NEW.modid = (SELECT modid FROM modid_counter WHERE id = 1);
            END""",
            """
            CREATE TRIGGER IF NOT EXISTS contacts_after_insert AFTER INSERT ON contacts FOR EACH ROW
              INSERT INTO contact_changes (modid, contact_id, owner, op) VALUES (NEW.modid, NEW.id, NEW.owner, 'U')""",
            """
            CREATE TRIGGER IF NOT EXISTS contacts_before_update BEFORE UPDATE ON contacts FOR EACH ROW
            BEGIN
              UPDATE modid_counter SET modid = modid + 1 WHERE id = 1;
              SET NEW.modid = (SELECT modid FROM modid_counter WHERE id = 1);
            END""",
            """
            CREATE TRIGGER IF NOT EXISTS contacts_after_update AFTER UPDATE ON contacts FOR EACH ROW
              INSERT INTO contact_changes (modid, contact_id, owner, op) VALUES (NEW.modid, NEW.id, NEW.owner, 'U')""",
            """
            CREATE TRIGGER IF NOT EXISTS contacts_after_delete AFTER DELETE ON contacts FOR EACH ROW
            BEGIN
              UPDATE modid_counter SET modid = modid + 1 WHERE id = 1;
              INSERT INTO contact_changes (modid, contact_id, owner, op)
                SELECT modid, OLD.id, OLD.owner, 'D' FROM modid_counter WHERE id = 1;
            END""");

    /** Creates what is missing; safe to run on every start. */
    static void install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
