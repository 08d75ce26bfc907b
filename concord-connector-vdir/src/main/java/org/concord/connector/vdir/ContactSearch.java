package org.concord.connector.vdir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.concord.codec.CodecException;
import org.concord.codec.VCardCodec;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.spi.ConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;

/**
 * Finds the folder's contacts by name, e-mail address or company, reading each {@code .vcf} of
 * the users' contact folders. Best first: an exact e-mail address, then a name that starts with
 * the text, then any other match. A file that cannot be read is skipped: search is for picking a
 * record, not for reporting sync errors.
 */
final class ContactSearch {
    private final String system;
    private final Layout layout;

    ContactSearch(String system, Layout layout) {
        this.system = system;
        this.layout = layout;
    }

    List<RecordRef> search(RecordQuery query) throws ConnectorException, InterruptedException {
        if (query.type().isPresent() && !query.type().get().equals(ItemType.CONTACT.code())) {
            return List.of();
        }
        String text = query.text().strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        try {
            for (String user : users(query)) {
                Path folder = layout.root().resolve(user).resolve(ItemType.CONTACT.defaultCollection());
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + Layout.VCARD_EXTENSION)) {
                    for (Path file : files) {
                        if (Thread.interrupted()) {
                            throw new InterruptedException("search stopped");
                        }
                        String name = file.getFileName().toString();
                        if (Layout.isObjectFileName(name)) {
                            match(user, file, text).ifPresent(hits::add);
                        }
                    }
                } catch (NoSuchFileException e) {
                    // this user has no contacts
                } catch (DirectoryIteratorException e) {
                    throw e.getCause();
                }
            }
        } catch (IOException e) {
            throw new RetryableConnectorException("vdir '" + system + "': search for '" + query.text() + "' failed: " + e, e);
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparing(h -> h.ref().label().toLowerCase(Locale.ROOT))
                .thenComparing(h -> h.ref().key().toString()));
        return hits.stream().limit(query.limit()).map(Hit::ref).toList();
    }

    private List<String> users(RecordQuery query) throws IOException {
        List<String> users = new ArrayList<>();
        if (query.user().isPresent()) {
            if (Layout.userNameProblem(query.user().get()).isEmpty()) {
                users.add(query.user().get());
            }
            return users;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.root())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Layout.userNameProblem(name).isEmpty() && Files.isDirectory(entry)) {
                    users.add(name);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        users.sort(null);
        return users;
    }

    private record Hit(int rank, RecordRef ref) {}

    private static java.util.Optional<Hit> match(String user, Path file, String text) {
        Contact contact;
        try {
            contact = VCardCodec.decode(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | CodecException | RuntimeException e) {
            return java.util.Optional.empty();
        }
        JsonNode json = contact.json();
        String label = label(contact);
        List<String> emails = new ArrayList<>();
        json.path("emails").forEach(e -> {
            if (e.path("address").isTextual()) {
                emails.add(e.path("address").asText().strip().toLowerCase(Locale.ROOT));
            }
        });
        List<String> companies = new ArrayList<>();
        json.path("organizations").forEach(o -> {
            if (o.path("name").isTextual()) {
                companies.add(o.path("name").asText());
            }
        });
        String lowerLabel = label.toLowerCase(Locale.ROOT);
        int rank;
        if (emails.contains(text)) {
            rank = 0;
        } else if (lowerLabel.startsWith(text) || java.util.Arrays.stream(lowerLabel.split("\\s+")).anyMatch(w -> w.startsWith(text))) {
            rank = 1;
        } else if (lowerLabel.contains(text) || emails.stream().anyMatch(e -> e.contains(text))
                || companies.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(text))) {
            rank = 2;
        } else {
            return java.util.Optional.empty();
        }
        String fileName = file.getFileName().toString();
        String id = fileName.substring(0, fileName.length() - Layout.VCARD_EXTENSION.length());
        List<String> detail = new ArrayList<>(companies);
        if (!emails.isEmpty()) {
            detail.add(emails.getFirst());
        }
        return java.util.Optional.of(new Hit(rank, new RecordRef(new RecordKey(user, ItemType.CONTACT.code(), id), label,
                String.join(", ", detail), emails)));
    }

    private static String label(Contact contact) {
        JsonNode name = contact.json().path("name");
        if (name.path("full").isTextual() && !name.path("full").asText().isBlank()) {
            return name.path("full").asText();
        }
        List<String> parts = new ArrayList<>();
        name.path("components").forEach(c -> {
            if (c.path("value").isTextual() && !c.path("kind").asText().equals("separator")) {
                parts.add(c.path("value").asText());
            }
        });
        if (!parts.isEmpty()) {
            return String.join(" ", parts);
        }
        for (JsonNode e : contact.json().path("emails")) {
            if (e.path("address").isTextual()) {
                return e.path("address").asText();
            }
        }
        return contact.label();
    }
}
