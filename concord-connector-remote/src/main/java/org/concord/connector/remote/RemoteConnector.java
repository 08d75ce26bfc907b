package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Capability;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.Connector;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A system that speaks the remote connector protocol. {@code open} pings the application and
 * learns its types, formats, modid order and limits; {@code getChanges} long-polls its feed, so a
 * change in the application arrives at once; {@code setChanges} sends writes in batches.
 * Thread-safe as the SPI asks: the state after {@code open} is immutable and published through
 * a volatile field, and the HTTP client allows concurrent requests. It is an archive target when
 * the application's ping lists the optional search and archive endpoints.
 */
final class RemoteConnector implements Connector, ArchiveTarget {
    private final RemoteSettings settings;
    private final HttpTransport http;
    private final RemoteArchive archive;
    private volatile Session session;

    /** What {@code open} learned. */
    private record Session(RemoteDescription description, FeedReader reader, WriteSender sender) {}

    RemoteConnector(RemoteSettings settings) {
        this.settings = settings;
        this.http = new HttpTransport(settings.baseUrl(), settings.authorization(), settings.connectTimeout());
        this.archive = new RemoteArchive(settings, http);
    }

    @Override
    public Description describe() {
        Session s = session;
        if (s == null) {
            Set<ItemType> types = settings.mappings().isEmpty() ? EnumSet.allOf(ItemType.class) : settings.mappings().keySet();
            return new Description(RemoteConnectorFactory.KIND, types, EnumSet.of(Capability.PUSH));
        }
        EnumSet<Capability> caps = EnumSet.of(Capability.PUSH);
        if (s.description().capabilities().contains("search")) {
            caps.add(Capability.SEARCH);
        }
        if (s.description().capabilities().contains("archive")) {
            caps.add(Capability.ARCHIVE);
        }
        return new Description(RemoteConnectorFactory.KIND, s.description().types().keySet(), caps);
    }

    @Override
    public void open() throws ConnectorException, InterruptedException {
        HttpTransport.Answer answer = call("GET ping", () -> http.get("ping", settings.requestTimeout()));
        if (answer.status() != 200 && answer.status() != 503) {
            throw Failures.of(settings.name(), "GET ping", answer);
        }
        RemoteDescription d = describe(answer);
        if (!d.up()) {
            throw new RetryableConnectorException("remote '" + settings.name() + "': the application says it is down: " + d.detail());
        }
        Map<ItemType, WireCodec> codecs = Collections.unmodifiableMap(codecs(d));
        session = new Session(d, new FeedReader(settings.name(), d.modidOrder(), codecs), new WriteSender(settings.name(), codecs));
    }

    private RemoteDescription describe(HttpTransport.Answer answer) throws PermanentConnectorException {
        try {
            return RemoteDescription.parse(answer.json());
        } catch (IOException e) {
            throw Failures.protocol(settings.name(), "GET ping", "the answer is not JSON");
        } catch (ConversionException e) {
            throw Failures.protocol(settings.name(), "GET ping", e.getMessage());
        }
    }

    private Map<ItemType, WireCodec> codecs(RemoteDescription d) throws PermanentConnectorException {
        String mappingKey = "systems." + settings.name() + ".mapping";
        for (ItemType mapped : settings.mappings().keySet()) {
            if (!d.types().containsKey(mapped) || !d.types().get(mapped).format().equals("record")) {
                throw new PermanentConnectorException("remote '" + settings.name() + "': " + mappingKey + "." + mapped.code()
                        + " is set, but the application does not serve " + mapped.code() + "s as flat records");
            }
        }
        Map<ItemType, WireCodec> codecs = new EnumMap<>(ItemType.class);
        for (Map.Entry<ItemType, RemoteDescription.TypeSpec> e : d.types().entrySet()) {
            ItemType type = e.getKey();
            String format = e.getValue().format();
            String problem = "remote '" + settings.name() + "': the application serves " + type.code() + "s as '" + format + "'";
            WireCodec codec = switch (format) {
                case "jscontact" -> {
                    if (type != ItemType.CONTACT) {
                        throw new PermanentConnectorException(problem + ", which holds contacts only");
                    }
                    yield new WireCodec.CanonicalJson(type);
                }
                case "jscalendar" -> {
                    if (type == ItemType.CONTACT) {
                        throw new PermanentConnectorException(problem + ", which holds events, tasks and notes only");
                    }
                    yield new WireCodec.CanonicalJson(type);
                }
                case "vcard" -> {
                    if (type != ItemType.CONTACT) {
                        throw new PermanentConnectorException(problem + ", which holds contacts only");
                    }
                    yield new TextCodec(type, settings.vcardVersion());
                }
                case "icalendar" -> {
                    if (type == ItemType.CONTACT) {
                        throw new PermanentConnectorException(problem + ", which holds events, tasks and notes only");
                    }
                    yield new TextCodec(type, settings.vcardVersion());
                }
                case "record" -> new WireCodec.Record(checkedMapping(type, e.getValue(), mappingKey), settings.name());
                default -> throw new PermanentConnectorException(problem + ", a format this Concord does not read"
                        + " (it reads jscontact, jscalendar, vcard, icalendar and record)");
            };
            codecs.put(type, codec);
        }
        return codecs;
    }

    private RecordMapping checkedMapping(ItemType type, RemoteDescription.TypeSpec spec, String mappingKey)
            throws PermanentConnectorException {
        String typeKey = mappingKey + "." + type.code();
        RecordMapping mapping = settings.mappings().get(type);
        if (mapping == null) {
            throw new PermanentConnectorException("remote '" + settings.name() + "': the application serves " + type.code()
                    + "s as flat records with fields " + String.join(", ", spec.fields().keySet()) + ", but " + typeKey
                    + " is not set: map those fields to targets such as name.given or email.work");
        }
        for (Map.Entry<String, FieldType> f : mapping.fieldTypes().entrySet()) {
            String declared = spec.fields().get(f.getKey());
            String key = mapping.keyOf(f.getKey(), typeKey);
            if (declared == null) {
                throw new PermanentConnectorException("remote '" + settings.name() + "': " + key + " names field '" + f.getKey()
                        + "', which the application's " + type.code() + " records do not have; they have "
                        + String.join(", ", spec.fields().keySet()));
            }
            if (!f.getValue().fits(declared)) {
                throw new PermanentConnectorException("remote '" + settings.name() + "': " + key + " maps field '" + f.getKey()
                        + "' of kind " + declared + " to a target holding " + f.getValue().code() + " values");
            }
        }
        return mapping;
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws ConnectorException, InterruptedException {
        Session s = requireOpen();
        RemoteDescription d = s.description();
        int limit = Math.min(request.limit(), d.maxLimit());
        Duration wait = request.full() ? Duration.ZERO : min(request.maxWait(), min(settings.longestWait(), d.maxWait()));
        long waitSeconds = (wait.toMillis() + 999) / 1000;
        StringBuilder query = new StringBuilder("changes?limit=").append(limit);
        if (!request.since().isStart()) {
            query.append("&since=").append(URLEncoder.encode(request.since().value(), StandardCharsets.UTF_8));
        }
        if (waitSeconds > 0) {
            query.append("&wait=").append(waitSeconds);
        }
        if (request.full()) {
            query.append("&complete=true");
        }
        String call = "GET " + query;
        Duration timeout = settings.requestTimeout().plusSeconds(waitSeconds);
        HttpTransport.Answer answer = call(call, () -> http.get(query.toString(), timeout));
        if (answer.status() != 200) {
            throw Failures.of(settings.name(), call, answer);
        }
        return s.reader().read(json(answer, call), request.since(), call);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws ConnectorException, InterruptedException {
        Session s = requireOpen();
        int batch = Math.min(settings.batchSize(), s.description().maxBatch());
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (int from = 0; from < writes.size(); from += batch) {
            List<Write> part = writes.subList(from, Math.min(writes.size(), from + batch));
            WriteResult[] local = new WriteResult[part.size()];
            JsonNode body = s.sender().request(part, local);
            if (body.path("changes").isEmpty()) {
                results.addAll(List.of(local));
                continue;
            }
            String call = "POST changes (" + body.path("changes").size() + " changes)";
            HttpTransport.Answer answer = call(call, () -> http.post("changes", body, settings.requestTimeout()));
            if (answer.status() != 200) {
                throw Failures.of(settings.name(), call, answer);
            }
            results.addAll(s.sender().results(part, local, json(answer, call), call));
        }
        return results;
    }

    @Override
    public Health ping() throws InterruptedException {
        HttpTransport.Answer answer;
        try {
            answer = http.get("ping", settings.requestTimeout());
        } catch (IOException e) {
            return new Health.Down(Failures.of(settings.name(), "GET ping", e).getMessage());
        }
        if (answer.status() != 200 && answer.status() != 503) {
            return new Health.Down(Failures.of(settings.name(), "GET ping", answer).getMessage());
        }
        try {
            RemoteDescription d = RemoteDescription.parse(answer.json());
            return d.up() ? new Health.Up(d.name() + (d.detail().isEmpty() ? "" : ": " + d.detail()))
                    : new Health.Down("remote '" + settings.name() + "': the application says it is down: " + d.detail());
        } catch (IOException | ConversionException e) {
            return new Health.Down("remote '" + settings.name() + "': GET ping answered against the protocol: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public long sizeCap() {
        return settings.archiveSizeCap();
    }

    @Override
    public List<RecordRef> search(RecordQuery query) throws ConnectorException, InterruptedException {
        return archive.search(query, requireOpen().description());
    }

    @Override
    public ArchiveResult archive(ArchiveRequest request) throws ConnectorException, InterruptedException {
        return archive.archive(request, requireOpen().description());
    }

    private Session requireOpen() {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("remote '" + settings.name() + "': used before open()");
        }
        return s;
    }

    private JsonNode json(HttpTransport.Answer answer, String call) throws PermanentConnectorException {
        try {
            return answer.json();
        } catch (IOException e) {
            throw Failures.protocol(settings.name(), call, "the answer is not JSON");
        }
    }

    private interface HttpCall {
        HttpTransport.Answer run() throws IOException, InterruptedException;
    }

    private HttpTransport.Answer call(String what, HttpCall c) throws RetryableConnectorException, InterruptedException {
        try {
            return c.run();
        } catch (IOException e) {
            throw Failures.of(settings.name(), what, e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
