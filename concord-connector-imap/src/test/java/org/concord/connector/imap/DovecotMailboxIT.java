package org.concord.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.spi.FolderListing;
import org.concord.spi.FolderState;
import org.concord.spi.ListRequest;
import org.concord.spi.MailFolder;
import org.concord.spi.MessageLocator;
import org.concord.spi.MessageSummary;
import org.concord.spi.SystemConfig;
import org.concord.testkit.servers.Dovecot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The imap connector against Dovecot: master logins, exact sources, and cheap re-listings with QRESYNC. */
class DovecotMailboxIT {
    private static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.startOrSkip(Map.of("alice", "alice-secret", "bob", "bob-secret"),
                Optional.of(Map.entry("concord", "master-secret")));
    }

    @AfterAll
    static void stop() {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    private static ImapConnector connector(ByteArrayOutputStream trace, Object... extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connector", "imap");
        m.put("host", dovecot.host());
        m.put("port", dovecot.port());
        m.put("security", "none");
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        try {
            return new ImapConnector(ImapSettings.parse(new SystemConfig("mail", m, Path.of("."))),
                    trace == null ? Optional.empty() : Optional.of(new PrintStream(trace, true, StandardCharsets.UTF_8)));
        } catch (org.concord.spi.ConfigException e) {
            throw new AssertionError(e);
        }
    }

    private static ImapConnector viaMaster(ByteArrayOutputStream trace) {
        return connector(trace, "master-user", "concord", "master-password", "master-secret");
    }

    /** The commands the client sent (tagged lines), without the server's answers. */
    private static List<String> commands(ByteArrayOutputStream trace) {
        return trace.toString(StandardCharsets.UTF_8).lines().filter(l -> l.matches("^[A-Z]+\\d+ .*")).toList();
    }

    @Test
    void aMasterLoginOpensAnyUsersMailboxAndFetchesTheExactSource() throws Exception {
        String raw = TestMessages.withAttachments("<exact@example.org>", "ada@example.org", "bob@example.org",
                "Exact bytes", "plan.pdf");
        long uid = dovecot.save("bob", "Projects", raw);
        try (ImapConnector c = viaMaster(null)) {
            assertThat(c.folders("bob")).extracting(MailFolder::name).contains("INBOX", "Projects");
            try (InputStream in = c.fetch(new MessageLocator("bob", "Projects", uid))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(raw);
            }
            MessageSummary s = ((FolderListing.Full) c.list(new ListRequest("bob", "Projects", Optional.empty(), 10)))
                    .messages().getFirst();
            assertThat(s.attachments()).containsExactly("plan.pdf");
            assertThat(s.size()).isEqualTo(raw.length());
        }
    }

    @Test
    void reListingAnUnchangedFolderFetchesNothing() throws Exception {
        dovecot.save("alice", "Quiet", TestMessages.plain("<q1@example.org>", "ada@example.org", "alice@example.org", "One"));
        dovecot.save("alice", "Quiet", TestMessages.plain("<q2@example.org>", "ada@example.org", "alice@example.org", "Two"));
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        try (ImapConnector c = connector(trace, "passwords", Map.of("alice", "alice-secret"))) {
            FolderListing first = c.list(new ListRequest("alice", "Quiet", Optional.empty(), 10));
            assertThat(first).isInstanceOf(FolderListing.Full.class);
            assertThat(first.state().highestModSeq()).as("CONDSTORE is on after login").isPositive();
            assertThat(commands(trace)).anyMatch(l -> l.contains("FETCH"));

            trace.reset();
            FolderListing again = c.list(new ListRequest("alice", "Quiet", Optional.of(first.state()), 10));
            assertThat(again).isEqualTo(new FolderListing.Changes(first.state(), List.of(), List.of()));
            assertThat(commands(trace)).as("commands of the re-listing").noneMatch(l -> l.contains("FETCH"))
                    .anyMatch(l -> l.contains("QRESYNC"));
        }
    }

    @Test
    void reListingAfterChangesReportsOnlyTheNewAndTheVanishedMessages() throws Exception {
        long one = dovecot.save("alice", "Busy", TestMessages.plain("<b1@example.org>", "ada@example.org", "alice@example.org", "One"));
        long two = dovecot.save("alice", "Busy", TestMessages.plain("<b2@example.org>", "ada@example.org", "alice@example.org", "Two"));
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        try (ImapConnector c = connector(trace, "passwords", Map.of("alice", "alice-secret"))) {
            FolderState before = c.list(new ListRequest("alice", "Busy", Optional.empty(), 10)).state();
            long three = dovecot.save("alice", "Busy",
                    TestMessages.withAttachments("<b3@example.org>", "ada@example.org", "alice@example.org", "Three", "x.csv"));
            dovecot.expunge("alice", "Busy", one);
            dovecot.flag("alice", "Busy", two, "\\Flagged");

            trace.reset();
            FolderListing after = c.list(new ListRequest("alice", "Busy", Optional.of(before), 10));
            assertThat(after).isInstanceOf(FolderListing.Changes.class);
            FolderListing.Changes changes = (FolderListing.Changes) after;
            assertThat(changes.added()).extracting(MessageSummary::uid).containsExactly(three);
            assertThat(changes.added().getFirst().attachments()).containsExactly("x.csv");
            assertThat(changes.vanished()).containsExactly(one);
            assertThat(changes.state().highestModSeq()).isGreaterThan(before.highestModSeq());
            assertThat(commands(trace)).as("the envelope and structure of the new message only")
                    .filteredOn(l -> l.contains("ENVELOPE")).singleElement().matches(l -> l.matches(".* FETCH \\d+ \\(ENVELOPE.*"));
        }
    }

    @Test
    void aListingWithAStateFromAnotherUidValidityIsFull() throws Exception {
        dovecot.save("alice", "Other", TestMessages.plain("<o1@example.org>", "ada@example.org", "alice@example.org", "One"));
        try (ImapConnector c = connector(null, "passwords", Map.of("alice", "alice-secret"))) {
            FolderState real = c.list(new ListRequest("alice", "Other", Optional.empty(), 10)).state();
            FolderState stale = new FolderState(real.uidValidity() + 1, real.uidNext(), real.highestModSeq());
            assertThat(c.list(new ListRequest("alice", "Other", Optional.of(stale), 10))).isInstanceOf(FolderListing.Full.class);
        }
    }
}
