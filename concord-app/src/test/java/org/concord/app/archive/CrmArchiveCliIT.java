package org.concord.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.concord.app.Main;
import org.concord.connector.jdbc.DemoCrm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code concord archive --message FILE.eml --to crm:contact/ID} end to end into the demo CRM (the
 * jdbc connector's {@code crm} preset) on the machine's MariaDB and PostgreSQL, then the rows and
 * the attachment file looked up in the database and the upload directory.
 */
class CrmArchiveCliIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private String server;
    private String database;

    private static String base(String server) {
        return server.equals("mariadb") ? "jdbc:mariadb://127.0.0.1:3306/" : "jdbc:postgresql://127.0.0.1:5432/";
    }

    private static Properties admin(String server) {
        Properties p = new Properties();
        p.setProperty("user", server.equals("mariadb") ? "root" : "postgres");
        if (server.equals("mariadb")) {
            p.setProperty("password", "");
            p.setProperty("sslMode", "disable"); // the loopback test server only
        } else {
            p.setProperty("sslmode", "disable");
        }
        return p;
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(base(server) + db, admin(server));
    }

    private void createDemoCrm(String server) throws Exception {
        this.server = server;
        String name = "concord_jdbc_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = connect(server.equals("mariadb") ? "" : "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = server + " on 127.0.0.1 is not reachable (" + e.getMessage() + "): install "
                    + (server.equals("mariadb") ? "mariadb-server" : "postgresql");
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                fail(message, e);
            }
            assumeTrue(false, message);
        }
        database = name;
        try (Connection c = connect(database)) {
            DemoCrm.create(c);
        }
        oldOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void dropDemoCrm() throws Exception {
        if (oldOut != null) {
            System.setOut(oldOut);
        }
        if (database != null) {
            try (Connection c = connect(server.equals("mariadb") ? "" : "postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + (server.equals("mariadb") ? "" : " WITH (FORCE)"));
            }
        }
    }

    private int run(Path config, String... args) {
        out.reset();
        return Main.execute(Stream.concat(Stream.of(args), Stream.of("-c", config.toString())).toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "postgresql"})
    void aMessageFileIsArchivedToACrmContactOnceWithItsAttachmentInTheUploadDirectory(String server) throws Exception {
        createDemoCrm(server);
        Path uploads = Files.createDirectories(dir.resolve("crm-upload"));
        Path config = dir.resolve("concord.yaml");
        Files.writeString(config, """
                store: state/concord.db
                systems:
                  crm:
                    connector: jdbc
                    url: %s%s
                    username: %s
                    password: ""
                    tls: false
                    preset: crm
                    upload-dir: crm-upload
                    archive-size-cap: 10MB
                """.formatted(base(server), database, admin(server).getProperty("user")));
        assertThat(run(config, "check", "--install")).as(out.toString()).isZero();
        Path eml = dir.resolve("proposal.eml");
        Files.writeString(eml, Eml.withAttachment("<proposal-7@northwind.example>", "proposal.pdf", "%PDF the proposal")
                .replace("Ada Lovelace <ada@example.org>", "Hanna Schulz <hanna.schulz@northwind.example>"));

        assertThat(run(config, "archive", "--message", eml.toString(), "--suggest")).isZero();
        assertThat(out.toString()).contains("--to crm:contact/1   Hanna Schulz — Purchasing Manager, Northwind Traders, "
                + "hanna.schulz@northwind.example (alice)");

        assertThat(run(config, "archive", "--message", eml.toString(), "--to", "crm:contact/1", "--user", "alice"))
                .as(out.toString()).isZero();
        int emailId;
        int noteId;
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, name, from_addr, parent_type, parent_id, assigned_user_id FROM emails"
                    + " WHERE message_id = '<proposal-7@northwind.example>'")) {
                assertThat(rs.next()).isTrue();
                emailId = rs.getInt("id");
                assertThat(rs.getString("name")).isEqualTo("Engine plans");
                assertThat(rs.getString("from_addr")).isEqualTo("Hanna Schulz <hanna.schulz@northwind.example>");
                assertThat(rs.getString("parent_type") + "/" + rs.getInt("parent_id")).isEqualTo("Contacts/1");
                assertThat(rs.getInt("assigned_user_id")).as("alice, whose records it was filed to").isEqualTo(2);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM emails_beans WHERE email_id = " + emailId
                    + " AND bean_module = 'Contacts' AND bean_id = 1")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT id, filename, file_mime_type FROM notes WHERE parent_type = 'Emails' AND parent_id = "
                    + emailId)) {
                assertThat(rs.next()).isTrue();
                noteId = rs.getInt("id");
                assertThat(rs.getString("filename")).isEqualTo("proposal.pdf");
                assertThat(rs.getString("file_mime_type")).isEqualTo("application/pdf");
            }
        }
        assertThat(out.toString()).contains("filed").contains("crm:contact/1 (alice)").contains("emails/" + emailId + " with proposal.pdf");
        assertThat(Files.readString(uploads.resolve(Integer.toString(noteId)))).isEqualTo("%PDF the proposal");

        assertThat(run(config, "archive", "--message", eml.toString(), "--to", "crm:contact/1", "--user", "alice")).isZero();
        assertThat(out.toString()).contains("already filed").contains("emails/" + emailId);
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM emails WHERE message_id = '<proposal-7@northwind.example>'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(uploads)) {
            assertThat(files).hasSize(1);
        }

        assertThat(run(config, "archive", "--message", eml.toString(), "--to", "crm:contact/999", "--user", "alice")).isEqualTo(1);
        assertThat(out.toString()).contains("REFUSED").contains("no contact 999 in table contacts (or it is deleted)");
    }
}
