package org.concord.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.concord.remote.kit.AppDescription;
import org.concord.remote.kit.ArchiveRequest;
import org.concord.remote.kit.ArchiveResult;
import org.concord.remote.kit.Capability;
import org.concord.remote.kit.ChangeResult;
import org.concord.remote.kit.DataFormat;
import org.concord.remote.kit.FeedEntry;
import org.concord.remote.kit.FeedQuery;
import org.concord.remote.kit.IncomingChange;
import org.concord.remote.kit.KitServer;
import org.concord.remote.kit.ModidComparison;
import org.concord.remote.kit.ObjectType;
import org.concord.remote.kit.RejectedException;
import org.concord.remote.kit.RemoteApplication;
import org.concord.remote.kit.SearchHit;
import org.concord.remote.kit.SearchQuery;
import org.concord.remote.kit.TypeFormat;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Connector;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailMessage;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.SystemConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remote connector's search and archive against applications built with the kit, and the body as it goes out. */
class RemoteArchiveTest {
    private KitServer server;
    private HttpServer raw;
    private Connector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (server != null) {
            server.close();
        }
        if (raw != null) {
            raw.stop(0);
        }
    }

    /** Files messages once per message id and contact; knows contacts 17 (Ada) and 18 (Charles) of alice. */
    static final class FilingApplication implements RemoteApplication {
        final Map<String, String> filed = new ConcurrentHashMap<>();
        final List<ArchiveRequest> requests = new CopyOnWriteArrayList<>();
        private final EnumSet<Capability> capabilities;

        FilingApplication(EnumSet<Capability> capabilities) {
            this.capabilities = capabilities;
        }

        @Override
        public AppDescription describe() {
            return new AppDescription("filing", ModidComparison.INTEGER, Map.of(ObjectType.CONTACT, TypeFormat.of(DataFormat.JSCONTACT)),
                    capabilities);
        }

        @Override
        public List<FeedEntry> changesSince(FeedQuery query) {
            return List.of();
        }

        @Override
        public List<ChangeResult> setChanges(List<IncomingChange> changes) {
            return List.of();
        }

        @Override
        public List<SearchHit> search(SearchQuery query) {
            List<SearchHit> all = List.of(
                    new SearchHit("alice", ObjectType.CONTACT, "17", "Ada Lovelace", "Analytical Engines Ltd, ada@example.org"),
                    new SearchHit("alice", ObjectType.CONTACT, "18", "Charles Babbage", "charles@example.org"));
            String q = query.text().toLowerCase();
            return all.stream().filter(h -> (h.label() + " " + h.detail()).toLowerCase().contains(q)).toList();
        }

        @Override
        public ArchiveResult archive(ArchiveRequest request) throws RejectedException {
            if (!request.targetId().equals("17") && !request.targetId().equals("18")) {
                throw new RejectedException("contact " + request.targetId() + " of " + request.user() + " does not exist");
            }
            requests.add(request);
            String id = filed.computeIfAbsent(request.messageId() + "|" + request.targetId(), k -> Integer.toString(300 + filed.size()));
            return new ArchiveResult(id);
        }
    }

    private ArchiveTarget open(String url, Object... extra) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "remote");
        settings.put("url", url);
        for (int i = 0; i < extra.length; i += 2) {
            settings.put((String) extra[i], extra[i + 1]);
        }
        connector = new RemoteConnectorFactory().create(new SystemConfig("crm", settings, Path.of(".")));
        connector.open();
        return (ArchiveTarget) connector;
    }

    private ArchiveTarget openKit(FilingApplication app, Object... extra) throws Exception {
        server = KitServer.builder(app).listen(new InetSocketAddress("127.0.0.1", 0)).start();
        return open(server.baseUri().toString(), extra);
    }

    static MailMessage message(String messageId, Map<String, byte[]> attachments) {
        byte[] source = ("Message-ID: " + messageId + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        List<MailAttachment> list = attachments.entrySet().stream()
                .map(e -> new MailAttachment(e.getKey(), "application/pdf", e.getValue().length,
                        () -> new ByteArrayInputStream(e.getValue())))
                .toList();
        return new MailMessage(new MailEnvelope(messageId, "Engine plans", "ada@example.org", "Ada <ada@example.org>",
                List.of("alice@example.org"), List.of(), Optional.of(Instant.parse("2026-01-05T10:00:00Z")), "The plain body"),
                source.length, () -> new ByteArrayInputStream(source), list, List.of());
    }

    private static org.concord.spi.ArchiveRequest request(MailMessage m, RecordKey... records) {
        return new org.concord.spi.ArchiveRequest(m, m.attachments(), List.of(records), "operator");
    }

    @Test
    void theConnectorOffersSearchAndArchiveWhenThePingListsThem() throws Exception {
        openKit(new FilingApplication(EnumSet.of(Capability.SEARCH, Capability.ARCHIVE)));
        assertThat(connector.describe().capabilities()).contains(org.concord.spi.Capability.SEARCH, org.concord.spi.Capability.ARCHIVE);
    }

    @Test
    void searchFindsRecordsWithTheAddressesInTheirDetail() throws Exception {
        ArchiveTarget target = openKit(new FilingApplication(EnumSet.of(Capability.SEARCH, Capability.ARCHIVE)));
        List<RecordRef> found = target.search(new RecordQuery("lovelace", Optional.of("alice"), Optional.of("contact"), 10));
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(new RecordKey("alice", "contact", "17"));
            assertThat(r.label()).isEqualTo("Ada Lovelace");
            assertThat(r.emails()).containsExactly("ada@example.org");
        });
        assertThat(target.suggest(List.of("charles@example.org", "nobody@example.org"), Optional.empty(), 5))
                .extracting(r -> r.key().id()).containsExactly("18");
    }

    @Test
    void archiveFilesOncePerMessageIdAndRecordWithTheChosenAttachments() throws Exception {
        FilingApplication app = new FilingApplication(EnumSet.of(Capability.SEARCH, Capability.ARCHIVE));
        ArchiveTarget target = openKit(app);
        MailMessage m = message("<plans@example.org>", Map.of("plan.pdf", "%PDF-1.7 plan".getBytes()));
        RecordKey ada = new RecordKey("alice", "contact", "17");

        var first = target.archive(request(m, ada, new RecordKey("alice", "contact", "99")));
        var again = target.archive(request(m, ada));

        assertThat(first.outcomes().get(0)).isEqualTo(new ArchiveOutcome.Filed(ada, "archive entry 300", List.of("plan.pdf")));
        assertThat(((ArchiveOutcome.Refused) first.outcomes().get(1)).reason()).contains("contact 99 of alice does not exist");
        assertThat(again.outcomes().getFirst()).isEqualTo(new ArchiveOutcome.Filed(ada, "archive entry 300", List.of("plan.pdf")));
        assertThat(app.filed).hasSize(1);
        ArchiveRequest received = app.requests.getFirst();
        assertThat(received.subject()).isEqualTo("Engine plans");
        assertThat(received.from()).isEqualTo("ada@example.org");
        assertThat(received.text()).isEqualTo("The plain body");
        assertThat(received.date()).map(Object::toString).contains("2026-01-05T10:00Z");
        assertThat(received.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("plan.pdf");
            assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 plan");
        });
    }

    @Test
    void anApplicationWithoutTheEndpointsIsToldApartFromAFailure() throws Exception {
        ArchiveTarget target = openKit(new FilingApplication(EnumSet.noneOf(Capability.class)));
        assertThat(connector.describe().capabilities()).doesNotContain(org.concord.spi.Capability.ARCHIVE);
        assertThatThrownBy(() -> target.archive(request(message("<m@x>", Map.of()), new RecordKey("alice", "contact", "17"))))
                .isInstanceOf(PermanentConnectorException.class).hasMessageContaining("remote 'crm': the application does not offer 'archive'");
    }

    @Test
    void aMessageOverTheCapIsRefusedWithoutARequest() throws Exception {
        FilingApplication app = new FilingApplication(EnumSet.of(Capability.ARCHIVE));
        ArchiveTarget target = openKit(app, "archive-size-cap", "1KB");
        MailMessage big = message("<big@example.org>", Map.of("a.bin", new byte[2048]));
        MailMessage over = new MailMessage(big.envelope(), 4096, big.source(), big.attachments(), List.of());
        var result = target.archive(request(over, new RecordKey("alice", "contact", "17")));
        assertThat(((ArchiveOutcome.Refused) result.outcomes().getFirst()).reason()).contains("archive-size-cap of 1024 bytes");
        assertThat(app.requests).isEmpty();
    }

    @Test
    void theUploadIsStreamedInChunksAndCarriesTheAttachmentExactly() throws Exception {
        byte[] content = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);
        AtomicReference<String> encoding = new AtomicReference<>();
        AtomicReference<String> length = new AtomicReference<>();
        AtomicReference<String> digest = new AtomicReference<>();
        raw = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        raw.createContext("/v1/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] answer;
            if (path.endsWith("/ping")) {
                answer = """
                        {"status":"up","protocol":1,"name":"sink","modidComparison":"integer",
                         "types":{"contact":{"format":"jscontact"}},"capabilities":["archive"]}""".getBytes();
            } else {
                encoding.set(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
                length.set(exchange.getRequestHeaders().getFirst("Content-Length"));
                digest.set(attachmentDigest(exchange.getRequestBody()));
                answer = "{\"status\":\"ok\",\"id\":\"1\"}".getBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        raw.start();
        ArchiveTarget target = open("http://127.0.0.1:" + raw.getAddress().getPort() + "/v1/");

        var result = target.archive(request(message("<stream@example.org>", Map.of("random.bin", content)),
                new RecordKey("alice", "contact", "17")));

        assertThat(result.outcomes().getFirst()).isInstanceOf(ArchiveOutcome.Filed.class);
        assertThat(encoding.get()).isEqualToIgnoringCase("chunked");
        assertThat(length.get()).isNull();
        assertThat(digest.get()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    /** Reads the body as a stream and digests the first attachment's decoded content, never holding it. */
    private static String attachmentDigest(InputStream body) throws java.io.IOException {
        try (JsonParser p = HttpTransport.JSON.getFactory().createParser(body)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("content")) {
                    p.nextToken();
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    p.readBinaryValue(new OutputStream() {
                        @Override
                        public void write(int b) {
                            sha.update((byte) b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            sha.update(b, off, len);
                        }
                    });
                    return HexFormat.of().formatHex(sha.digest());
                }
            }
            return "no attachment";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
