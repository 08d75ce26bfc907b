package org.concord.connector.jdbc.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a CRM keeps archived e-mail and the records it is filed to: the e-mails table, how an
 * e-mail is related to its records (a parent type/id on the e-mail, a join table, or both), the
 * table whose rows describe attachment files, and the record types a user can search and pick.
 *
 * @param emails the e-mails table
 * @param links the join table between e-mails and records, or empty when the parent columns are
 *     the only relation (then each record gets its own copy of a message)
 * @param attachments the table of attachment rows, or empty when attachments cannot be kept
 * @param records the record types, in the order search results show them
 */
public record ArchiveLayout(Emails emails, Optional<Links> links, Optional<Attachments> attachments, List<RecordType> records) {

    public ArchiveLayout {
        records = List.copyOf(records);
    }

    public Optional<RecordType> recordType(String type) {
        return records.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    /**
     * The e-mails table. {@code module} is how other tables name an e-mail (an attachment row's
     * parent type); {@code insert} holds fixed values for new rows (e.g. {@code type: archived}).
     */
    public record Emails(String table, String id, IdGeneration idGeneration, String messageId, String subject,
            Optional<String> date, Optional<String> from, Optional<String> to, Optional<String> cc, Optional<String> text,
            Optional<String> html, Optional<String> parentType, Optional<String> parentId, Optional<String> user,
            Optional<String> created, Optional<String> modified, Optional<SoftDelete> deleted, String module,
            Map<String, Object> insert) {
        public Emails {
            insert = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(insert));
        }
    }

    /** The join table: one row per e-mail and record, the record named by its module and id. */
    public record Links(String table, String id, IdGeneration idGeneration, String email, String record, String module,
            Optional<String> modified, Optional<SoftDelete> deleted, Map<String, Object> insert) {
        public Links {
            insert = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(insert));
        }
    }

    /**
     * The table of attachment rows (the classic CRM's notes): one row per file, its parent the
     * e-mail; the file itself lies in the upload directory, named by the row's id.
     */
    public record Attachments(String table, String id, IdGeneration idGeneration, String name, Optional<String> fileName,
            Optional<String> mimeType, String parentType, String parentId, Optional<String> user, Optional<String> created,
            Optional<String> modified, Optional<SoftDelete> deleted, Map<String, Object> insert) {
        public Attachments {
            insert = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(insert));
        }
    }

    /**
     * One kind of record e-mail can be filed to.
     *
     * @param type the word in record keys ({@code contact}, {@code account}, {@code project})
     * @param module how the e-mail relation names this kind ({@code Contacts})
     * @param label the columns whose values, joined by spaces, name a record
     * @param detail more columns shown on a second line
     */
    public record RecordType(String type, String table, String id, String module, List<String> label, List<String> detail,
            Optional<String> user, Optional<SoftDelete> deleted, Optional<Company> company, Optional<Addresses> emails) {
        public RecordType {
            label = List.copyOf(label);
            detail = List.copyOf(detail);
        }
    }

    /** The company a record belongs to: {@code key} on the record holds the id of a row of {@code table}. */
    public record Company(String table, String id, String key, String name, Optional<SoftDelete> deleted) {}

    /**
     * The table of a record's e-mail addresses: {@code parent} holds the record's id, {@code filter}
     * picks this kind's rows where the table is shared, {@code primary} (optional) marks the first.
     */
    public record Addresses(String table, String parent, String address, Optional<String> filter, Optional<String> primary,
            Optional<SoftDelete> deleted) {}
}
