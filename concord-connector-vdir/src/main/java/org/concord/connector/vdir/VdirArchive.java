package org.concord.connector.vdir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ConnectorException;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RetryableConnectorException;

/**
 * Files e-mail to records of the folder. Each message is written into a hidden temp folder beside
 * its final place (source, attachments, metadata, each synced to disk) and then renamed into
 * place in one step: a reader sees the whole message folder or none, a crash leaves only a temp
 * folder, and of two archives racing for the same record and Message-ID one rename wins and the
 * other finds it filed.
 */
final class VdirArchive {
    /** Built on the first filing, not with the connector: a sync that files nothing never pays for a mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final String system;
    private final ArchiveLayout layout;
    private final long sizeCap;

    VdirArchive(String system, Path root, long sizeCap) {
        this.system = system;
        this.layout = new ArchiveLayout(root);
        this.sizeCap = sizeCap;
    }

    long sizeCap() {
        return sizeCap;
    }

    ArchiveResult archive(ArchiveRequest request) throws ConnectorException, InterruptedException {
        List<ArchiveOutcome> outcomes = new ArrayList<>();
        List<String> warnings = new ArrayList<>(request.message().warnings());
        for (RecordKey record : request.records()) {
            outcomes.add(fileTo(record, request));
        }
        return new ArchiveResult(outcomes, warnings);
    }

    private ArchiveOutcome fileTo(RecordKey record, ArchiveRequest request) throws ConnectorException, InterruptedException {
        long size = request.message().size();
        if (size > sizeCap) {
            return new ArchiveOutcome.Refused(record, "the message has " + size + " bytes, more than this system's archive-size-cap of "
                    + sizeCap + " bytes");
        }
        StringBuilder problem = new StringBuilder();
        Optional<Path> recordFile = layout.recordFile(record, problem);
        if (recordFile.isEmpty()) {
            return new ArchiveOutcome.Refused(record, problem.toString());
        }
        if (!Files.isRegularFile(recordFile.get())) {
            return new ArchiveOutcome.Refused(record, "no " + record.type() + " '" + record.id() + "' of " + record.user()
                    + " (" + layout.relative(recordFile.get()) + " does not exist)");
        }
        Path folder = layout.recordFolder(record);
        Path target = folder.resolve(ArchiveLayout.messageFolderName(request.message().envelope().messageId()));
        if (Files.isDirectory(target)) {
            return new ArchiveOutcome.AlreadyFiled(record, layout.relative(target));
        }
        Path staging = folder.resolve(Layout.TEMP_PREFIX + UUID.randomUUID() + Layout.TEMP_SUFFIX);
        String where = "vdir '" + system + "': archive of " + request.message().envelope().messageId() + " to " + record;
        try {
            Files.createDirectories(folder);
            Files.createDirectory(staging);
            List<String> filed = writeInto(staging, request);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // a racing archive of the same message renamed its folder into place first
                if (Files.isDirectory(target)) {
                    return new ArchiveOutcome.AlreadyFiled(record, layout.relative(target));
                }
                throw e;
            }
            StagedFile.syncFolder(folder);
            return new ArchiveOutcome.Filed(record, layout.relative(target), filed);
        } catch (AccessDeniedException e) {
            throw new PermanentConnectorException(where + ": permission denied on " + e.getFile(), e);
        } catch (IOException e) {
            throw new RetryableConnectorException(where + ": " + e, e);
        } finally {
            removeQuietly(staging);
        }
    }

    private List<String> writeInto(Path staging, ArchiveRequest request) throws IOException, InterruptedException {
        write(staging.resolve(ArchiveLayout.MESSAGE_FILE), request.message().source()::open);
        List<String> names = new ArrayList<>();
        ObjectNode meta = metadata(request);
        ArrayNode files = meta.putArray("attachments");
        if (!request.attachments().isEmpty()) {
            Path dir = Files.createDirectory(staging.resolve(ArchiveLayout.ATTACHMENTS));
            ArchiveLayout.AttachmentNames unique = new ArchiveLayout.AttachmentNames();
            for (MailAttachment a : request.attachments()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("archive stopped before attachment '" + a.name() + "'");
                }
                String fileName = unique.next(a.name());
                write(dir.resolve(fileName), a.content()::open);
                names.add(a.name());
                files.addObject().put("name", a.name()).put("file", ArchiveLayout.ATTACHMENTS + "/" + fileName)
                        .put("mediaType", a.mediaType()).put("size", a.size());
            }
        }
        write(staging.resolve(ArchiveLayout.METADATA_FILE), () -> new java.io.ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(meta)));
        StagedFile.syncFolder(staging);
        return names;
    }

    private static ObjectNode metadata(ArchiveRequest request) {
        MailEnvelope e = request.message().envelope();
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("messageId", e.messageId()).put("subject", e.subject()).put("from", e.fromDisplay());
        e.to().forEach(meta.withArray("to")::add);
        e.cc().forEach(meta.withArray("cc")::add);
        e.date().ifPresent(d -> meta.put("date", d.toString()));
        meta.put("size", request.message().size());
        meta.put("filedBy", request.filedBy()).put("filedAt", Instant.now().toString());
        ArrayNode warnings = meta.putArray("warnings");
        request.message().warnings().forEach(warnings::add);
        return meta;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    /** Copies a stream into a new file and syncs it: memory use is one buffer, whatever the size. */
    private static void write(Path file, Opener content) throws IOException {
        try (InputStream in = content.open();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            in.transferTo(out);
            channel.force(true);
        }
    }

    private static void removeQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temp folder left behind is hidden and harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
