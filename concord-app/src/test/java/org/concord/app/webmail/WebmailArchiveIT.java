package org.concord.app.webmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.concord.app.Main;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigLoader;
import org.concord.app.wiring.Agent;
import org.concord.connector.jdbc.DemoCrm;
import org.concord.server.PasswordHash;
import org.concord.testkit.servers.Dovecot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The archive flow end to end in a real browser: an agent built from a config file with an imap
 * system (a Dovecot started for the test), the demo CRM on MariaDB (jdbc, preset {@code crm}) and a
 * vdir folder, both filing e-mail; its console; and Roundcube with the {@code concord_archive}
 * plugin. Screenshots go to
 * {@code concord-server/target/screenshots/}.
 */
class WebmailArchiveIT {
    static final String PASSWORD = "console password 42";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final byte[] PLAN = "%PDF-1.4 the analytical engine's plans\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
    static final String SUBJECT = "Engine plans for review";
    static final String LUNCH = "Lunch on Friday?";

    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    static Dovecot dovecot;
    static String database;
    static Path dir;
    static Agent agent;
    static URI concord;
    static long lunchUid;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.startOrSkip(Map.of("alice", "alice-imap-pw", "bob", "bob-imap-pw"), Optional.empty());
        dovecot.save("alice", "INBOX", message());
        lunchUid = dovecot.save("alice", "INBOX", """
                From: Charles Babbage <charles@example.org>\r
                To: alice@example.org\r
                Subject: %s\r
                Message-ID: <lunch-1@example.org>\r
                Date: Tue, 24 Nov 2026 12:00:00 +0000\r
                \r
                Shall we?\r
                """.formatted(LUNCH));
        database = createDemoCrm();
        dir = Files.createTempDirectory("concord-webmail-it");
        Files.createDirectories(dir.resolve("crm-upload"));
        put("files/alice/contacts/ada.vcf", vcard("ada-1", "Ada Lovelace", "Lovelace;Ada", "Analytical Engines Ltd", "ada@example.org"));
        put("files/alice/contacts/charles.vcf", vcard("charles-1", "Charles Babbage", "Babbage;Charles", "Difference Engines",
                "charles@example.org"));
        String hash = PasswordHash.hash(PASSWORD.toCharArray());
        Path file = dir.resolve("concord.yaml");
        Files.writeString(file, """
                store: state/concord.db
                listen: 127.0.0.1:%d
                systems:
                  mail:
                    connector: imap
                    host: %s
                    port: %d
                    security: none
                    passwords:
                      alice: alice-imap-pw
                      bob: bob-imap-pw
                  crm:
                    connector: jdbc
                    url: %s%s
                    username: root
                    password: ""
                    tls: false
                    preset: crm
                    upload-dir: crm-upload
                  files:
                    connector: vdir
                    path: files
                api:
                  token: %s
                console:
                  users:
                    admin: %s
                    alice: %s
                  mailbox-users:
                    alice: alice
                """.formatted(freePort(), dovecot.host(), dovecot.port(), MARIADB, database, TOKEN, hash, hash));
        // The CRM's change capture, as an admin installs it before the first run.
        assertThat(Main.execute("check", "--install", "-c", file.toString())).isZero();
        Config config = new ConfigLoader(name -> null).load(file);
        agent = Agent.build(config);
        agent.engine().start();
        concord = agent.startServer().uri();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (agent != null) {
            agent.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
        if (database != null) {
            try (Connection c = mariadb(""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** A fresh database holding the jdbc connector's demo CRM (alice is user 2; Hanna Schulz is her contact 1). */
    private static String createDemoCrm() throws SQLException {
        String name = "concord_webmail_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = mariadb(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "MariaDB on 127.0.0.1:3306 is not reachable (" + e.getMessage() + "): install mariadb-server";
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
        try (Connection c = mariadb(name)) {
            DemoCrm.create(c);
        }
        return name;
    }

    private static Connection mariadb(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("sslMode", "disable"); // the loopback test server only
        return DriverManager.getConnection(MARIADB + db, p);
    }

    @Test
    void aUserArchivesAMessageFromTheConsolesMailboxViewIntoACrmContactWithTheChosenAttachment() throws Exception {
        try (Browser b = Browser.startOrSkip()) {
            b.driver.get(concord.resolve("/").toString());
            b.wait.until(ExpectedConditions.urlContains("/login"));
            logIn(b, "alice");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live")));
            b.driver.get(concord.resolve("/#/mail").toString());

            // Her own mailbox opens: the console user is limited to it.
            By rows = By.cssSelector("#messages tr[data-uid]");
            b.wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));
            assertThat(b.driver.findElement(By.id("m-user")).getAttribute("value")).isEqualTo("alice");
            WebElement row = b.driver.findElements(rows).stream().filter(r -> r.getText().contains(SUBJECT)).findFirst().orElseThrow();
            assertThat(row.getText()).contains("Hanna Schulz", "plan.pdf", "notes.txt");
            b.screenshot("mail-view");

            // Keyboard: focus the message and press a.
            row.click();
            row.sendKeys("a");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("archive-dialog")));
            By suggestion = By.cssSelector("#suggested input[data-record='crm|contact|1']");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(suggestion));
            assertThat(b.driver.findElement(By.id("suggested")).getText()).contains("Hanna Schulz");
            assertThat(b.driver.findElement(By.id("archive-subject")).getText()).isEqualTo(SUBJECT);
            b.click(suggestion);

            // Search a record of another system and tick it too.
            WebElement search = b.driver.findElement(By.id("archive-q"));
            search.sendKeys("lovelace", Keys.ENTER);
            By found = By.cssSelector("#search-results input[data-record='files|contact|ada']");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(found));
            assertThat(b.driver.findElement(By.id("search-results")).getText()).contains("Ada Lovelace");
            b.click(found);

            // Keep the plan, leave the notes out.
            b.click(By.cssSelector("input[data-attachment='notes.txt']"));
            assertThat(b.driver.findElement(By.id("archive-summary")).getText()).contains("2 records", "Hanna Schulz", "Ada Lovelace");
            b.screenshot("archive-dialog");
            b.driver.findElement(By.id("archive-confirm")).click();

            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("archive-result")));
            WebElement result = b.driver.findElement(By.id("archive-result"));
            assertThat(result.getAttribute("data-complete")).isEqualTo("true");
            assertThat(result.findElements(By.cssSelector("[data-outcome='filed']"))).hasSize(2);
            assertThat(result.getText()).contains("Filed to Hanna Schulz (crm) with plan.pdf", "Filed to Ada Lovelace (files)");
            b.screenshot("archive-result");

            // Again to Hanna: the contact holds this Message-ID already, nothing is added.
            b.driver.findElement(By.xpath("//button[text()='Archive to more records']")).click();
            b.click(suggestion);
            b.driver.findElement(By.id("archive-confirm")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#archive-result [data-outcome='already-filed']")));
            b.driver.findElement(By.id("archive-done")).click();
            b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("archive-dialog")));
        }

        // In the CRM's database: one e-mail linked to Hanna, alice's, with the plan as a note and its file.
        try (Connection c = mariadb(database); Statement s = c.createStatement()) {
            int email;
            try (ResultSet rs = s.executeQuery("SELECT id, name, from_addr, parent_type, parent_id, assigned_user_id FROM emails"
                    + " WHERE message_id = '<plans-1@example.org>'")) {
                assertThat(rs.next()).as("the e-mail row").isTrue();
                email = rs.getInt("id");
                assertThat(rs.getString("name")).isEqualTo(SUBJECT);
                assertThat(rs.getString("from_addr")).isEqualTo("Hanna Schulz <hanna.schulz@northwind.example>");
                assertThat(rs.getString("parent_type") + "/" + rs.getInt("parent_id")).isEqualTo("Contacts/1");
                assertThat(rs.getInt("assigned_user_id")).as("alice").isEqualTo(2);
                assertThat(rs.next()).as("filed once").isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT id, filename FROM notes WHERE parent_type = 'Emails' AND parent_id = " + email)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("filename")).isEqualTo("plan.pdf");
                assertThat(Files.readAllBytes(dir.resolve("crm-upload").resolve(Integer.toString(rs.getInt("id"))))).isEqualTo(PLAN);
                assertThat(rs.next()).as("notes.txt was left out").isFalse();
            }
        }
        Path filed = filedFolder("ada", "plans-1@example.org");
        assertThat(Files.readString(filed.resolve("message.eml"))).contains("Subject: " + SUBJECT);
        assertThat(Files.readAllBytes(filed.resolve("attachments/plan.pdf"))).isEqualTo(PLAN);
        assertThat(filed.resolve("attachments/notes.txt")).doesNotExist();
    }

    @Test
    void roundcubesMenuEntryOpensConcordsArchivePopUpForTheSelectedMessage() throws Exception {
        Path plugin = Path.of("..", "webmail", "roundcube", "concord_archive");
        try (RoundcubeServer roundcube = RoundcubeServer.startOrSkip(dovecot.host(), dovecot.port(), plugin, List.of(
                "$config['concord_archive_url'] = '" + concord.toString().replaceAll("/$", "") + "';",
                "$config['concord_archive_system'] = 'mail';"));
                Browser b = Browser.startOrSkip()) {
            b.driver.get(roundcube.uri().toString());
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rcmloginuser"))).sendKeys("alice");
            b.driver.findElement(By.id("rcmloginpwd")).sendKeys("alice-imap-pw");
            b.driver.findElement(By.id("rcmloginsubmit")).click();

            By row = By.xpath("//table[@id='messagelist']//tr[contains(., '" + LUNCH + "')]");
            try {
                b.wait.until(ExpectedConditions.elementToBeClickable(row)).click();
            } catch (RuntimeException e) {
                b.screenshot("roundcube-failed");
                throw new AssertionError("Roundcube shows no message list; its log: " + roundcube.log(), e);
            }
            b.wait.until(ExpectedConditions.elementToBeClickable(By.id("messagemenulink"))).click();
            WebElement entry = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.concord-archive")));
            b.wait.until(d -> entry.getAttribute("class").contains("active"));
            assertThat(entry.getText()).isEqualTo("Archive to CRM…");
            b.screenshot("roundcube-menu");

            String webmail = b.driver.getWindowHandle();
            entry.click();
            b.wait.until(d -> d.getWindowHandles().size() == 2);
            String popup = b.driver.getWindowHandles().stream().filter(h -> !h.equals(webmail)).findFirst().orElseThrow();
            b.driver.switchTo().window(popup);

            // No Concord session yet: the pop-up asks for the console login, then comes back to the message.
            b.wait.until(ExpectedConditions.urlContains("/login?next="));
            assertThat(URI.create(b.driver.getCurrentUrl()).getPort()).isEqualTo(concord.getPort());
            assertThat(java.net.URLDecoder.decode(b.driver.getCurrentUrl(), StandardCharsets.UTF_8))
                    .contains("/archive?system=mail&user=alice&folder=INBOX&uid=" + lunchUid);
            logIn(b, "alice");
            b.wait.until(ExpectedConditions.textToBe(By.id("archive-subject"), LUNCH));
            By charles = By.cssSelector("#suggested input[data-record='files|contact|charles']");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(charles));
            assertThat(b.driver.findElement(By.id("suggested")).getText()).contains("Charles Babbage");
            assertThat(b.driver.findElements(By.cssSelector("input[data-attachment]"))).isEmpty();
            b.screenshot("roundcube-popup");

            // Archive from the pop-up; Done closes it. The same message to the same contact is filed once.
            b.click(charles);
            b.driver.findElement(By.id("archive-confirm")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("archive-result")));
            assertThat(b.driver.findElement(By.id("archive-result")).getAttribute("data-complete")).isEqualTo("true");
            b.screenshot("roundcube-popup-result");
            b.driver.findElement(By.id("archive-done")).click();
            b.wait.until(d -> d.getWindowHandles().size() == 1);
            b.driver.switchTo().window(webmail);
        }
        assertThat(Files.readString(filedFolder("charles", "lunch-1@example.org").resolve("message.eml"))).contains(LUNCH);
    }

    private static void logIn(Browser b, String user) {
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user"))).sendKeys(user);
        b.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        b.driver.findElement(By.id("login-submit")).click();
    }

    /** The folder of one message (named after its Message-ID) in a contact's archive, the only one of that message. */
    private static Path filedFolder(String contact, String messageId) throws IOException {
        Path record = dir.resolve("files/alice/archive/contact").resolve(contact);
        try (Stream<Path> s = Files.list(record)) {
            List<Path> messages = s.filter(p -> p.getFileName().toString().contains(messageId)).toList();
            assertThat(messages).as("folders of " + messageId + " in " + record).hasSize(1);
            return messages.getFirst();
        }
    }

    private static String message() {
        String b64 = Base64.getMimeEncoder().encodeToString(PLAN);
        return """
                From: Hanna Schulz <hanna.schulz@northwind.example>\r
                To: Alice Martin <alice@example.org>\r
                Subject: %s\r
                Message-ID: <plans-1@example.org>\r
                Date: Mon, 23 Nov 2026 09:30:00 +0000\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Dear Alice, the plans for the order are attached.\r
                --b1\r
                Content-Type: application/pdf; name="plan.pdf"\r
                Content-Disposition: attachment; filename="plan.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                %s\r
                --b1\r
                Content-Type: text/plain; name="notes.txt"\r
                Content-Disposition: attachment; filename="notes.txt"\r
                \r
                Some notes.\r
                --b1--\r
                """.formatted(SUBJECT, b64);
    }

    private static String vcard(String uid, String fn, String n, String org, String email) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + fn + "\r\nN:" + n + ";;;\r\nORG:" + org
                + "\r\nEMAIL:" + email + "\r\nEND:VCARD\r\n";
    }

    private static void put(String relative, String text) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
