package org.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concord.spi.ConnectorException;
import org.concord.spi.FolderListing;
import org.concord.spi.ListRequest;
import org.concord.spi.MessageLocator;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;

/**
 * The mailbox and archive routes: browse a user's mailbox in a mail system, find records to file
 * a message to (suggested by its addresses, or searched), and archive it. Only the mailbox's owner
 * or an admin gets past {@link MailAccess}; the records searched and filed to are the mailbox
 * owner's.
 */
final class ArchiveApi {
    static final int MAX_LIST = 500;
    static final int MAX_RECORDS = 50;

    private final Optional<ArchiveDesk> desk;
    private final MailAccess access;
    private final Set<String> knownUsers;

    ArchiveApi(Optional<ArchiveDesk> desk, MailAccess access, Set<String> knownUsers) {
        this.desk = desk;
        this.access = access;
        this.knownUsers = new TreeSet<>(knownUsers);
    }

    void register(Router r) {
        r.add("GET", "/api/mail", Access.API, this::overview);
        r.add("GET", "/api/mail/{system}/folders", Access.API, this::folders);
        r.add("GET", "/api/mail/{system}/messages", Access.API, this::messages);
        r.add("GET", "/api/mail/{system}/message", Access.API, this::message);
        r.add("GET", "/api/records", Access.API, this::search);
        r.add("GET", "/api/records/suggestions", Access.API, this::suggestions);
        r.add("POST", "/api/archive", Access.API, this::archive);
    }

    private void overview(Exchange ex) throws Exception {
        ArchiveDesk d = desk();
        ArchiveDesk.Asker asker = access.asker(ex.caller());
        Map<String, String> own = new LinkedHashMap<>();
        if (!asker.admin()) {
            d.mailboxes().forEach(m -> own.put(m, access.nameIn(m, asker.name())));
        }
        List<String> users = asker.admin() ? List.copyOf(knownUsers) : List.of(asker.name());
        ex.json(200, new MailViews.OverviewJson(d.mailboxes(), d.targets().stream().map(MailViews.TargetJson::of).toList(),
                new MailViews.YouJson(ex.caller().name(), asker.admin(), asker.admin() ? null : asker.name(), own), users));
    }

    private void folders(Exchange ex) throws Exception {
        Mailbox m = mailbox(ex);
        ex.json(200, call(() -> desk().folders(m.system(), m.user())).stream().map(MailViews.FolderJson::of).toList());
    }

    private void messages(Exchange ex) throws Exception {
        Mailbox m = mailbox(ex);
        String folder = required(ex, "folder");
        int limit = ex.intQuery("limit", 100, 1, MAX_LIST);
        FolderListing listing = call(() -> desk().list(m.system(), new ListRequest(m.user(), folder, Optional.empty(), limit)));
        if (!(listing instanceof FolderListing.Full full)) {
            throw new IllegalStateException("mail system '" + m.system() + "' answered changes to a first listing");
        }
        ex.json(200, new MailViews.ListingJson(m.system(), m.user(), folder, full.total(),
                full.messages().stream().map(MailViews.MessageJson::of).toList()));
    }

    private void message(Exchange ex) throws Exception {
        Mailbox m = mailbox(ex);
        MessageLocator at = locator(m, required(ex, "folder"), required(ex, "uid"));
        ArchiveDesk.MessageView v = call(() -> desk().read(m.system(), at, m.asker()));
        ex.json(200, MailViews.MessageDetailJson.of(m.system(), m.user(), at.folder(), at.uid(), v));
    }

    private void search(Exchange ex) throws Exception {
        Mailbox m = mailbox(ex, "mailbox");
        String text = required(ex, "q");
        int limit = ex.intQuery("limit", 20, 1, MAX_RECORDS);
        String owner = access.owner(m.system(), m.user());
        Map<String, String> failures = new LinkedHashMap<>();
        List<MailViews.RecordJson> out = new ArrayList<>();
        for (ArchiveDesk.Target t : targets(ex.query("system"), true)) {
            RecordQuery query = new RecordQuery(text, Optional.of(access.nameIn(t.name(), owner)), Optional.empty(), limit);
            try {
                call(() -> desk().search(t.name(), query)).forEach(r -> out.add(MailViews.RecordJson.of(t.name(), r)));
            } catch (HttpProblem p) {
                failures.put(t.name(), p.getMessage());
            }
        }
        ex.json(200, new MailViews.RecordsJson(out, failures));
    }

    private void suggestions(Exchange ex) throws Exception {
        Mailbox m = mailbox(ex, "mailbox");
        List<String> addresses = new ArrayList<>(new LinkedHashSet<>(List.of(required(ex, "addresses").split(",")).stream()
                .map(String::strip).filter(a -> a.contains("@")).toList()));
        int limit = ex.intQuery("limit", 10, 1, MAX_RECORDS);
        String owner = access.owner(m.system(), m.user());
        Map<String, String> failures = new LinkedHashMap<>();
        List<MailViews.RecordJson> out = new ArrayList<>();
        for (ArchiveDesk.Target t : targets(ex.query("system"), true)) {
            Optional<String> user = Optional.of(access.nameIn(t.name(), owner));
            try {
                List<RecordRef> found = call(() -> desk().suggest(t.name(), addresses, user, limit));
                found.forEach(r -> out.add(MailViews.RecordJson.of(t.name(), r)));
            } catch (HttpProblem p) {
                failures.put(t.name(), p.getMessage());
            }
        }
        ex.json(200, new MailViews.RecordsJson(out, failures));
    }

    private void archive(Exchange ex) throws Exception {
        JsonNode body = ex.jsonBody();
        ArchiveDesk d = desk();
        String system = text(body, "system");
        String user = text(body, "user");
        Mailbox m = checked(ex, system, user);
        MessageLocator at = locator(m, text(body, "folder"), body.path("uid").asText(""));
        List<String> attachments = new ArrayList<>();
        JsonNode chosen = body.path("attachments");
        if (!chosen.isMissingNode() && !chosen.isNull()) {
            if (!chosen.isArray()) {
                throw HttpProblem.badRequest("attachments must be a list of attachment names");
            }
            chosen.forEach(a -> attachments.add(a.asText()));
        }
        JsonNode records = body.path("records");
        if (!records.isArray() || records.isEmpty()) {
            throw HttpProblem.badRequest("records must list at least one record: [{\"system\": …, \"type\": …, \"id\": …}]");
        }
        Set<String> targetNames = new TreeSet<>();
        d.targets().forEach(t -> targetNames.add(t.name()));
        List<ArchiveDesk.RecordChoice> choices = new ArrayList<>();
        for (JsonNode r : records) {
            ArchiveDesk.RecordChoice c = new ArchiveDesk.RecordChoice(text(r, "system"), text(r, "type"), text(r, "id"));
            if (!targetNames.contains(c.system())) {
                throw HttpProblem.notFound("system '" + c.system() + "' cannot archive e-mail; systems that can: "
                        + String.join(", ", targetNames));
            }
            choices.add(c);
        }
        ArchiveDesk.Filing filing = call(() -> d.archive(new ArchiveDesk.Order(system, at, attachments, choices), m.asker()));
        ex.json(200, MailViews.ArchiveResultJson.of(filing));
    }

    // ---- checks and helpers

    /** A mailbox the caller may reach: system, that system's user name, and who asks. */
    private record Mailbox(String system, String user, ArchiveDesk.Asker asker) {}

    private Mailbox mailbox(Exchange ex) throws HttpProblem {
        return checked(ex, ex.param("system"), required(ex, "user"));
    }

    private Mailbox mailbox(Exchange ex, String systemParam) throws HttpProblem {
        return checked(ex, required(ex, systemParam), required(ex, "user"));
    }

    private Mailbox checked(Exchange ex, String system, String user) throws HttpProblem {
        ArchiveDesk d = desk();
        if (!d.mailboxes().contains(system)) {
            throw HttpProblem.notFound("no mail system named '" + system + "'; mail systems: "
                    + (d.mailboxes().isEmpty() ? "none" : String.join(", ", d.mailboxes())));
        }
        ArchiveDesk.Asker asker = access.asker(ex.caller());
        access.checkMailbox(asker, ex.caller(), system, user);
        return new Mailbox(system, user, asker);
    }

    private List<ArchiveDesk.Target> targets(Optional<String> only, boolean searching) throws HttpProblem {
        List<ArchiveDesk.Target> all = desk().targets();
        if (only.isPresent()) {
            ArchiveDesk.Target t = all.stream().filter(x -> x.name().equals(only.get())).findFirst().orElseThrow(() ->
                    HttpProblem.notFound("system '" + only.get() + "' cannot archive e-mail; systems that can: "
                            + String.join(", ", all.stream().map(ArchiveDesk.Target::name).toList())));
            if (searching && !t.searches()) {
                throw HttpProblem.badRequest("system '" + t.name() + "' cannot search its records: give the record's id");
            }
            return List.of(t);
        }
        return all.stream().filter(t -> !searching || t.searches()).toList();
    }

    private static MessageLocator locator(Mailbox m, String folder, String uid) throws HttpProblem {
        long n;
        try {
            n = Long.parseLong(uid);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("uid must be the message's IMAP UID (a positive number), found '" + uid + "'");
        }
        try {
            return new MessageLocator(m.user(), folder, n);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }

    private ArchiveDesk desk() throws HttpProblem {
        return desk.orElseThrow(() -> new HttpProblem(503, "archiving is not set up in this agent"));
    }

    private static String required(Exchange ex, String name) throws HttpProblem {
        return ex.query(name).orElseThrow(() -> HttpProblem.badRequest("query parameter " + name + " is required"));
    }

    private static String text(JsonNode body, String field) throws HttpProblem {
        JsonNode v = body.path(field);
        if (!(v.isTextual() || v.isNumber()) || v.asText().isBlank()) {
            throw HttpProblem.badRequest(field + " is required (text)");
        }
        return v.asText();
    }

    @FunctionalInterface
    private interface DeskCall<T> {
        T run() throws ArchiveDesk.Refusal, ConnectorException, InterruptedException, HttpProblem;
    }

    /** Runs a desk call and turns what went wrong into the answer's status and message. */
    private static <T> T call(DeskCall<T> call) throws HttpProblem, InterruptedException {
        try {
            return call.run();
        } catch (ArchiveDesk.Refusal r) {
            throw new HttpProblem(switch (r.kind()) {
                case NOT_FOUND -> 404;
                case BAD_ORDER -> 400;
                case FORBIDDEN -> 403;
            }, r.getMessage());
        } catch (RetryableConnectorException e) {
            throw new HttpProblem(503, e.getMessage());
        } catch (ConnectorException e) {
            throw new HttpProblem(502, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }
}
