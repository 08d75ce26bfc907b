package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.concord.engine.UserMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mailbox and archive routes over an in-memory desk: what they answer, who may call them
 * (the mailbox owner or an admin; a console user limited by console.mailbox-users gets 403 for
 * another user's mailbox), and how a bad order is refused.
 */
class ArchiveApiTest {
    private static final String ARCHIVE_ORDER = """
            {"system":"mail","user":"asmith","folder":"INBOX","uid":1,"attachments":["plan.pdf"],
             "records":[{"system":"crm","type":"contact","id":"ada"}]}""";

    private static InMemoryDesk desk;
    private static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        desk = new InMemoryDesk();
        desk.put("asmith", 1, "Ada Lovelace <ada@example.org>", "asmith@example.org", "The engine plans", "plan.pdf", "notes.txt");
        desk.put("asmith", 2, "Charles <charles@example.org>", "asmith@example.org", "Lunch?");
        desk.put("bob", 7, "Ada Lovelace <ada@example.org>", "bob@example.org", "For Bob only", "secret.pdf");
        desk.addRecord("alice", "ada", "Ada Lovelace", "ada@example.org");
        desk.addRecord("bob", "ada-b", "Ada (Bob's)", "ada@example.org");
        String hash = PasswordHash.hash(TestAgent.PASSWORD.toCharArray(), 10_000);
        agent = TestAgent.withDesk(desk, new UserMap(Map.of("alice", Map.of("mail", "asmith"))),
                s -> s.withConsoleUsers(Map.of(TestAgent.USER, hash, "alice", hash)).withMailboxUsers(Map.of("alice", "alice")),
                "a");
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static HttpResponse<String> as(TestAgent.Login login, String method, String path, String body) {
        return agent.send(method, path, body, "Cookie", login.cookie(), "X-CSRF-Token", login.csrf());
    }

    @Test
    void anAdminSeesAnyUsersMessagesWithSenderSubjectDateSizeAndAttachmentNames() {
        JsonNode folders = agent.get("/api/mail/mail/folders?user=bob");
        assertThat(folders.findValuesAsText("name")).containsExactly("INBOX", "Archive");
        JsonNode listing = agent.get("/api/mail/mail/messages?user=asmith&folder=INBOX");
        assertThat(listing.path("total").asInt()).isEqualTo(2);
        JsonNode newest = listing.path("messages").get(1);
        assertThat(newest.path("uid").asLong()).isEqualTo(1);
        assertThat(newest.path("from").asText()).isEqualTo("Ada Lovelace <ada@example.org>");
        assertThat(newest.path("subject").asText()).isEqualTo("The engine plans");
        assertThat(newest.path("date").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(newest.path("size").asLong()).isEqualTo(2048);
        assertThat(newest.path("attachments").toString()).isEqualTo("[\"plan.pdf\",\"notes.txt\"]");
        JsonNode message = agent.get("/api/mail/mail/message?user=asmith&folder=INBOX&uid=1");
        assertThat(message.path("from").asText()).isEqualTo("ada@example.org");
        assertThat(message.path("attachments").findValuesAsText("name")).containsExactly("plan.pdf", "notes.txt");
        assertThat(message.path("attachments").get(0).path("mediaType").asText()).isEqualTo("application/pdf");
    }

    @Test
    void aConsoleUserLimitedToTheirOwnMailboxIsRefusedEveryOtherUsersMail() {
        TestAgent.Login alice = agent.login("alice");
        for (String path : new String[] {"/api/mail/mail/folders?user=bob", "/api/mail/mail/messages?user=bob&folder=INBOX",
                "/api/mail/mail/message?user=bob&folder=INBOX&uid=7", "/api/records?mailbox=mail&user=bob&q=ada",
                "/api/records/suggestions?mailbox=mail&user=bob&addresses=ada@example.org"}) {
            HttpResponse<String> r = as(alice, "GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).contains("may not reach mailbox 'bob' of 'mail'");
        }
        int filedBefore = desk.orders.size();
        HttpResponse<String> archive = as(alice, "POST", "/api/archive", ARCHIVE_ORDER.replace("asmith", "bob").replace("\"uid\":1", "\"uid\":7"));
        assertThat(archive.statusCode()).isEqualTo(403);
        assertThat(desk.orders).hasSize(filedBefore);

        // Her own mailbox, under its name in the mail system (the user map says asmith), is hers.
        assertThat(as(alice, "GET", "/api/mail/mail/messages?user=asmith&folder=INBOX", null).statusCode()).isEqualTo(200);
        JsonNode overview = TestAgent.parse(as(alice, "GET", "/api/mail", null));
        assertThat(overview.path("you").path("admin").asBoolean()).isFalse();
        assertThat(overview.path("you").path("user").asText()).isEqualTo("alice");
        assertThat(overview.path("you").path("mailboxUser").path("mail").asText()).isEqualTo("asmith");
        assertThat(overview.path("users").toString()).isEqualTo("[\"alice\"]");
    }

    @Test
    void anUnlimitedConsoleUserAndTheTokenAreAdmins() {
        JsonNode overview = TestAgent.parse(as(agent.login(), "GET", "/api/mail", null));
        assertThat(overview.path("you").path("admin").asBoolean()).isTrue();
        assertThat(overview.path("mailboxes").toString()).isEqualTo("[\"mail\"]");
        assertThat(overview.path("targets").findValuesAsText("name")).containsExactly("crm", "files");
        assertThat(overview.path("targets").get(0).path("search").asBoolean()).isTrue();
        assertThat(overview.path("users").toString()).isEqualTo("[\"alice\"]");
        assertThat(agent.get("/api/mail").path("you").path("name").asText()).isEqualTo("api-token");
        assertThat(as(agent.login(), "GET", "/api/mail/mail/folders?user=bob", null).statusCode()).isEqualTo(200);
    }

    @Test
    void suggestionsAndSearchesFindTheMailboxOwnersRecordsOnly() {
        JsonNode suggested = agent.get("/api/records/suggestions?mailbox=mail&user=asmith&addresses="
                + URLEncoder.encode("ada@example.org,asmith@example.org", StandardCharsets.UTF_8));
        assertThat(suggested.path("records").findValuesAsText("id")).containsExactly("ada");
        JsonNode record = suggested.path("records").get(0);
        assertThat(record.path("system").asText()).isEqualTo("crm");
        assertThat(record.path("user").asText()).isEqualTo("alice");
        assertThat(record.path("label").asText()).isEqualTo("Ada Lovelace");
        assertThat(agent.get("/api/records?mailbox=mail&user=bob&q=ada").path("records").findValuesAsText("id"))
                .containsExactly("ada-b");
        assertThat(agent.get("/api/records?mailbox=mail&user=asmith&q=lovelace&system=crm").path("records")
                .findValuesAsText("label")).containsExactly("Ada Lovelace");
        JsonNode noSearch = agent.json("GET", "/api/records?mailbox=mail&user=asmith&q=x&system=files", null, 400);
        assertThat(noSearch.path("error").asText()).contains("cannot search its records");
    }

    @Test
    void aTargetThatIsDownIsNamedInTheAnswerInsteadOfFailingTheSearch() {
        desk.crmDown = true;
        try {
            JsonNode found = agent.get("/api/records?mailbox=mail&user=asmith&q=ada");
            assertThat(found.path("records")).isEmpty();
            assertThat(found.path("failures").path("crm").asText()).contains("connection refused");
        } finally {
            desk.crmDown = false;
        }
    }

    @Test
    void theOwnerArchivesTheChosenAttachmentsOnceAndSeesWarnings() {
        TestAgent.Login alice = agent.login("alice");
        String order = ARCHIVE_ORDER.replace("\"uid\":1", "\"uid\":2").replace("[\"plan.pdf\"]", "[]");
        HttpResponse<String> first = as(alice, "POST", "/api/archive", order);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode result = TestAgent.parse(first);
        assertThat(result.path("complete").asBoolean()).isTrue();
        assertThat(result.path("subject").asText()).isEqualTo("Lunch?");
        assertThat(result.path("filings").get(0).path("outcome").asText()).isEqualTo("filed");
        assertThat(result.path("filings").get(0).path("record").path("user").asText()).isEqualTo("asmith");
        assertThat(result.path("warnings").toString()).contains("a warning the target gave");
        assertThat(desk.askers.getLast()).isEqualTo(new ArchiveDesk.Asker("alice", false));

        JsonNode again = TestAgent.parse(as(alice, "POST", "/api/archive", order));
        assertThat(again.path("filings").get(0).path("outcome").asText()).isEqualTo("already-filed");
    }

    @Test
    void anAdminArchivesWithAttachmentsAndARefusedRecordMakesTheResultIncomplete() {
        desk.addRecord("asmith", "ada", "Ada in asmith's records", "ada@example.org");
        JsonNode result = agent.json("POST", "/api/archive", ARCHIVE_ORDER.replace("}]", "},{\"system\":\"crm\",\"type\":\"contact\",\"id\":\"nobody\"}]"), 200);
        assertThat(result.path("complete").asBoolean()).isFalse();
        assertThat(result.path("filings").findValuesAsText("outcome")).containsExactly("filed", "refused");
        assertThat(result.path("filings").get(0).path("attachments").toString()).isEqualTo("[\"plan.pdf\"]");
        assertThat(result.path("filings").get(1).path("reason").asText()).isEqualTo("no contact nobody");
        ArchiveDesk.Order order = desk.orders.getLast();
        assertThat(order.attachments()).containsExactly("plan.pdf");
        assertThat(order.message().toString()).isEqualTo("asmith/INBOX/1");
        assertThat(desk.askers.getLast()).isEqualTo(new ArchiveDesk.Asker("api-token", true));
    }

    @Test
    void archivingNeedsCredentialsAndASessionsCsrfToken() {
        int before = desk.orders.size();
        assertThat(agent.send("POST", "/api/archive", ARCHIVE_ORDER).statusCode()).isEqualTo(401);
        TestAgent.Login admin = agent.login();
        HttpResponse<String> noToken = agent.send("POST", "/api/archive", ARCHIVE_ORDER, "Cookie", admin.cookie());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("missing CSRF token");
        HttpResponse<String> foreign = agent.send("POST", "/api/archive", ARCHIVE_ORDER, "Cookie", admin.cookie(),
                "X-CSRF-Token", admin.csrf(), "Origin", "https://webmail.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(desk.orders).hasSize(before);
        assertThat(agent.send("GET", "/api/mail/mail/folders?user=asmith", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aBadOrderIsRefusedWithTheReason() {
        assertThat(agent.json("POST", "/api/archive", ARCHIVE_ORDER.replace("\"records\":[{\"system\":\"crm\",\"type\":\"contact\",\"id\":\"ada\"}]",
                "\"records\":[]"), 400).path("error").asText()).contains("at least one record");
        assertThat(agent.json("POST", "/api/archive", ARCHIVE_ORDER.replace("plan.pdf", "virus.exe"), 400).path("error").asText())
                .contains("no attachment 'virus.exe'");
        assertThat(agent.json("POST", "/api/archive", ARCHIVE_ORDER.replace("\"crm\"", "\"ledger\""), 404).path("error").asText())
                .contains("system 'ledger' cannot archive e-mail; systems that can: crm, files");
        assertThat(agent.json("POST", "/api/archive", ARCHIVE_ORDER.replace("\"mail\"", "\"inbox\""), 404).path("error").asText())
                .contains("no mail system named 'inbox'");
        assertThat(agent.json("POST", "/api/archive", ARCHIVE_ORDER.replace("\"uid\":1", "\"uid\":\"first\""), 400).path("error")
                .asText()).contains("uid must be the message's IMAP UID");
        assertThat(agent.json("GET", "/api/mail/mail/message?user=asmith&folder=INBOX&uid=99", null, 404).path("error").asText())
                .contains("no message asmith/INBOX/99");
        assertThat(agent.json("GET", "/api/mail/mail/messages?user=asmith", null, 400).path("error").asText())
                .contains("folder is required");
    }

    @Test
    void withoutADeskTheRoutesSayArchivingIsNotSetUp() throws Exception {
        try (TestAgent plain = TestAgent.start("a")) {
            JsonNode r = plain.json("GET", "/api/mail", null, 503);
            assertThat(r.path("error").asText()).isEqualTo("archiving is not set up in this agent");
        }
    }

    @Test
    void theWebmailsPopUpSendsABrowserWithoutASessionToLogInAndBackToTheMessage() {
        String popup = "/archive?system=mail&user=asmith&folder=INBOX&uid=1";
        HttpResponse<String> r = agent.send("GET", popup, null);
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/login?next=" + URLEncoder.encode(popup, StandardCharsets.UTF_8));

        TestAgent.Login login = agent.login();
        HttpResponse<String> back = agent.send("GET", location, null, "Cookie", login.cookie());
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue(popup);
        HttpResponse<String> page = agent.send("GET", popup, null, "Cookie", login.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-popup=\"archive\"", "/assets/mail.js");

        for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            HttpResponse<String> refused = agent.send("GET", "/login?next=" + URLEncoder.encode(evil, StandardCharsets.UTF_8), null,
                    "Cookie", login.cookie());
            assertThat(refused.headers().firstValue("Location")).as(evil).hasValue("/");
        }
    }
}
