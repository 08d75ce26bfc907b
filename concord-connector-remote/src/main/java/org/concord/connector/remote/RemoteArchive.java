package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.model.ItemType;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ConnectorException;
import org.concord.spi.MailAttachment;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;

/**
 * The protocol's optional endpoints: {@code GET search} to find records and {@code POST archive}
 * to file a message to one record, with its chosen attachments streamed in the body. The protocol
 * files the message's fields and attachments, not its source. The application answers the same
 * id for a repeated archive, so every success is reported as filed.
 */
final class RemoteArchive {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s,;<>()\"']+@[^\\s,;<>()\"']+\\.[^\\s,;<>()\"']+");

    private final RemoteSettings settings;
    private final HttpTransport http;

    RemoteArchive(RemoteSettings settings, HttpTransport http) {
        this.settings = settings;
        this.http = http;
    }

    List<RecordRef> search(RecordQuery query, RemoteDescription d) throws ConnectorException, InterruptedException {
        require(d, "search");
        StringBuilder q = new StringBuilder("search?q=").append(encode(query.text())).append("&limit=").append(query.limit());
        query.type().ifPresent(t -> q.append("&type=").append(encode(t)));
        query.user().ifPresent(u -> q.append("&user=").append(encode(u)));
        String call = "GET search";
        HttpTransport.Answer answer = call(call, () -> http.get(q.toString(), settings.requestTimeout()));
        if (answer.status() != 200) {
            throw Failures.of(settings.name(), call, answer);
        }
        JsonNode results;
        try {
            results = answer.json().path("results");
        } catch (IOException e) {
            throw Failures.protocol(settings.name(), call, "the answer is not JSON");
        }
        if (!results.isArray()) {
            throw Failures.protocol(settings.name(), call, "'results' is missing or not an array");
        }
        List<RecordRef> refs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            String user = r.path("user").asText("");
            String type = r.path("type").asText("");
            String id = r.path("id").asText("");
            if (user.isEmpty() || type.isEmpty() || id.isEmpty()) {
                throw Failures.protocol(settings.name(), call, "results[" + i + "] lacks user, type or id");
            }
            String label = r.path("label").asText(id);
            String detail = r.path("detail").asText("");
            refs.add(new RecordRef(new RecordKey(user, type, id), label, detail, addresses(label + " " + detail)));
        }
        return refs;
    }

    /** E-mail addresses in a search result's label and detail, which the protocol gives as free text. */
    static List<String> addresses(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    ArchiveResult archive(ArchiveRequest request, RemoteDescription d) throws ConnectorException, InterruptedException {
        require(d, "archive");
        List<ArchiveOutcome> outcomes = new ArrayList<>();
        for (RecordKey record : request.records()) {
            outcomes.add(fileTo(record, request));
        }
        return new ArchiveResult(outcomes, request.message().warnings());
    }

    private ArchiveOutcome fileTo(RecordKey record, ArchiveRequest request) throws ConnectorException, InterruptedException {
        long size = request.message().size();
        if (size > settings.archiveSizeCap()) {
            return new ArchiveOutcome.Refused(record, "the message has " + size + " bytes, more than this system's archive-size-cap of "
                    + settings.archiveSizeCap() + " bytes");
        }
        if (ItemType.byCode(record.type()).filter(t -> t.code().equals(record.type())).isEmpty()) {
            return new ArchiveOutcome.Refused(record, "the remote protocol files to contacts, events, tasks or notes, not '"
                    + record.type() + "'");
        }
        ArchiveBody body = new ArchiveBody(record, request.message().envelope(), request.attachments());
        String call = "POST archive (" + request.message().envelope().messageId() + " to " + record + ")";
        Duration timeout = settings.requestTimeout().plusSeconds(size / (256 * 1024));
        HttpTransport.Answer answer;
        try {
            answer = http.postStreaming("archive", body::open, timeout);
        } catch (IOException e) {
            if (body.failure() != null) {
                throw new PermanentConnectorException("remote '" + settings.name() + "': " + call + ": "
                        + body.failure().getMessage(), body.failure());
            }
            throw Failures.of(settings.name(), call, e);
        }
        if (body.failure() != null) {
            throw new PermanentConnectorException("remote '" + settings.name() + "': " + call + ": "
                    + body.failure().getMessage(), body.failure());
        }
        if (answer.status() == 422 || answer.status() == 413) {
            return new ArchiveOutcome.Refused(record, "the application refused it (HTTP " + answer.status() + "): "
                    + answer.problemDetail());
        }
        if (answer.status() != 200) {
            throw Failures.of(settings.name(), call, answer);
        }
        String id;
        try {
            id = answer.json().path("id").asText("");
        } catch (IOException e) {
            throw Failures.protocol(settings.name(), call, "the answer is not JSON");
        }
        if (id.isEmpty()) {
            throw Failures.protocol(settings.name(), call, "the answer has no 'id'");
        }
        return new ArchiveOutcome.Filed(record, "archive entry " + id, request.attachments().stream().map(MailAttachment::name).toList());
    }

    private void require(RemoteDescription d, String capability) throws PermanentConnectorException {
        if (!d.capabilities().contains(capability)) {
            throw new PermanentConnectorException("remote '" + settings.name() + "': the application does not offer '"
                    + capability + "' (its ping lists capabilities " + d.capabilities() + ")");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private interface HttpCall {
        HttpTransport.Answer run() throws IOException, InterruptedException;
    }

    private HttpTransport.Answer call(String what, HttpCall c) throws ConnectorException, InterruptedException {
        try {
            return c.run();
        } catch (IOException e) {
            throw Failures.of(settings.name(), what, e);
        }
    }
}
