package org.concord.connector.jdbc.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * Reads the {@code archive} layout of a system: the preset's, with the system's own sections
 * ({@code emails}, {@code links}, {@code attachments}) and record types replacing the preset's of
 * the same name, {@code false} dropping one, and {@code archive: false} dropping it all. Every
 * problem names its full key.
 */
public final class ArchiveLayoutParser {
    private static final List<String> SECTIONS = List.of("emails", "links", "attachments", "records");

    private ArchiveLayoutParser() {}

    public static Optional<ArchiveLayout> parse(SystemConfig config) throws ConfigException {
        Map<String, Object> merged = new LinkedHashMap<>();
        Optional<String> presetName = config.optionalString("preset");
        if (presetName.isPresent()) {
            Preset.load(presetName.get()).map(p -> p.get("archive")).filter(Map.class::isInstance)
                    .ifPresent(a -> merged.putAll(MappingParser.castMap(a)));
        }
        ConfigNode system = new ConfigNode("systems." + config.name(), new LinkedHashMap<>(config.settings()));
        Object own = system.raw("archive");
        if (Boolean.FALSE.equals(own) || "false".equals(own)) {
            return Optional.empty();
        }
        if (own != null) {
            ConfigNode node = system.map("archive");
            node.requireOnly(SECTIONS.toArray(String[]::new));
            for (String section : node.keys()) {
                Object v = node.raw(section);
                if (section.equals("records") && v instanceof Map<?, ?> types) {
                    Map<String, Object> records = new LinkedHashMap<>(MappingParser.castMap(merged.get("records")));
                    for (Map.Entry<?, ?> e : types.entrySet()) {
                        if (Boolean.FALSE.equals(e.getValue()) || "false".equals(e.getValue())) {
                            records.remove(String.valueOf(e.getKey()));
                        } else {
                            records.put(String.valueOf(e.getKey()), e.getValue());
                        }
                    }
                    merged.put("records", records);
                } else if (Boolean.FALSE.equals(v) || "false".equals(v)) {
                    merged.remove(section);
                } else {
                    merged.put(section, v);
                }
            }
        }
        if (merged.isEmpty()) {
            return Optional.empty();
        }
        ConfigNode root = new ConfigNode(system.key("archive"), merged);
        root.requireOnly(SECTIONS.toArray(String[]::new));
        if (!root.has("emails")) {
            throw new ConfigException(root.key("emails"), "missing: the archive needs the e-mails table");
        }
        ArchiveLayout.Emails emails = emails(root.map("emails"));
        Optional<ArchiveLayout.Links> links = root.has("links") ? Optional.of(links(root.map("links"))) : Optional.empty();
        if (links.isEmpty() && emails.parentType().isEmpty()) {
            throw new ConfigException(root.key("emails"), "without a links table, e-mails need parent-type and parent-id "
                    + "to name their record");
        }
        Optional<ArchiveLayout.Attachments> attachments = root.has("attachments")
                ? Optional.of(attachments(root.map("attachments"))) : Optional.empty();
        List<ArchiveLayout.RecordType> records = new ArrayList<>();
        if (root.has("records")) {
            for (ConfigNode r : root.map("records").children()) {
                records.add(recordType(r));
            }
        }
        if (records.isEmpty()) {
            throw new ConfigException(root.key("records"), "name at least one record type e-mail can be filed to");
        }
        return Optional.of(new ArchiveLayout(emails, links, attachments, records));
    }

    private static ArchiveLayout.Emails emails(ConfigNode e) throws ConfigException {
        e.requireOnly("table", "id", "id-generation", "message-id", "subject", "date", "from", "to", "cc", "text", "html",
                "parent-type", "parent-id", "user", "created", "modified", "deleted", "module", "insert");
        Optional<String> parentType = e.optionalIdentifier("parent-type");
        Optional<String> parentId = e.optionalIdentifier("parent-id");
        if (parentType.isPresent() != parentId.isPresent()) {
            throw new ConfigException(e.key(parentType.isPresent() ? "parent-id" : "parent-type"),
                    "parent-type and parent-id go together");
        }
        return new ArchiveLayout.Emails(e.identifier("table"), e.optionalIdentifier("id").orElse("id"),
                MappingParser.idGeneration(e), e.identifier("message-id"), e.identifier("subject"),
                e.optionalIdentifier("date"), e.optionalIdentifier("from"), e.optionalIdentifier("to"),
                e.optionalIdentifier("cc"), e.optionalIdentifier("text"), e.optionalIdentifier("html"), parentType, parentId,
                e.optionalIdentifier("user"), e.optionalIdentifier("created"), e.optionalIdentifier("modified"),
                MappingParser.softDelete(e), e.optionalText("module").orElse("Emails"), e.scalars("insert"));
    }

    private static ArchiveLayout.Links links(ConfigNode l) throws ConfigException {
        l.requireOnly("table", "id", "id-generation", "email", "record", "module", "modified", "deleted", "insert");
        return new ArchiveLayout.Links(l.identifier("table"), l.optionalIdentifier("id").orElse("id"),
                MappingParser.idGeneration(l), l.identifier("email"), l.identifier("record"), l.identifier("module"),
                l.optionalIdentifier("modified"), MappingParser.softDelete(l), l.scalars("insert"));
    }

    private static ArchiveLayout.Attachments attachments(ConfigNode a) throws ConfigException {
        a.requireOnly("table", "id", "id-generation", "name", "file-name", "mime-type", "parent-type", "parent-id", "user",
                "created", "modified", "deleted", "insert");
        return new ArchiveLayout.Attachments(a.identifier("table"), a.optionalIdentifier("id").orElse("id"),
                MappingParser.idGeneration(a), a.identifier("name"), a.optionalIdentifier("file-name"),
                a.optionalIdentifier("mime-type"), a.identifier("parent-type"), a.identifier("parent-id"),
                a.optionalIdentifier("user"), a.optionalIdentifier("created"), a.optionalIdentifier("modified"),
                MappingParser.softDelete(a), a.scalars("insert"));
    }

    private static ArchiveLayout.RecordType recordType(ConfigNode r) throws ConfigException {
        r.requireOnly("table", "id", "module", "label", "detail", "user", "deleted", "company", "emails");
        if (!r.name().matches("[a-z][a-z0-9_-]{0,39}")) {
            throw new ConfigException(r.key(), "'" + r.name() + "' is not a record type word (lower-case letters, digits, - and _)");
        }
        List<String> label = identifiers(r, "label");
        if (label.isEmpty()) {
            throw new ConfigException(r.key("label"), "name at least one column that names a record");
        }
        Optional<ArchiveLayout.Company> company = Optional.empty();
        if (r.has("company")) {
            ConfigNode c = r.map("company");
            c.requireOnly("table", "id", "key", "name", "deleted");
            company = Optional.of(new ArchiveLayout.Company(c.identifier("table"), c.optionalIdentifier("id").orElse("id"),
                    c.identifier("key"), c.identifier("name"), MappingParser.softDelete(c)));
        }
        Optional<ArchiveLayout.Addresses> addresses = Optional.empty();
        if (r.has("emails")) {
            ConfigNode e = r.map("emails");
            e.requireOnly("table", "parent", "address", "filter", "primary", "deleted");
            addresses = Optional.of(new ArchiveLayout.Addresses(e.identifier("table"), e.identifier("parent"),
                    e.identifier("address"), e.optionalText("filter"), e.optionalIdentifier("primary"), MappingParser.softDelete(e)));
        }
        return new ArchiveLayout.RecordType(r.name(), r.optionalIdentifier("table").orElse(r.name()),
                r.optionalIdentifier("id").orElse("id"), r.text("module"), label, identifiers(r, "detail"),
                r.optionalIdentifier("user"), MappingParser.softDelete(r), company, addresses);
    }

    private static List<String> identifiers(ConfigNode node, String sub) throws ConfigException {
        Object raw = node.raw(sub);
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        List<?> items = raw instanceof List<?> l ? l : List.of(raw);
        for (Object o : items) {
            if (!(o instanceof String s)) {
                throw new ConfigException(node.key(sub), "expected column names, found " + ConfigNode.describe(o));
            }
            out.add(ConfigNode.checkIdentifier(node.key(sub), s));
        }
        return out;
    }
}
