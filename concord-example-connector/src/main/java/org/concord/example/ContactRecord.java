package org.concord.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.remote.kit.FieldKind;

/**
 * The flat record the example serves: one JSON field per column. {@code concord_extra} is opaque
 * to the application: Concord keeps its copy of the whole object there, which keeps round trips
 * lossless for what the other columns cannot hold.
 */
final class ContactRecord {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Record field names, equal to the column names. */
    static final List<String> FIELDS = List.of("first_name", "last_name", "company", "email", "phone", "note", "concord_extra");

    private ContactRecord() {}

    static Map<String, FieldKind> fieldKinds() {
        Map<String, FieldKind> kinds = new LinkedHashMap<>();
        FIELDS.forEach(f -> kinds.put(f, FieldKind.STRING));
        return kinds;
    }

    /** The record fields present in {@code data}: an update writes these and leaves the others alone. */
    static List<String> present(JsonNode data) {
        return FIELDS.stream().filter(data::has).toList();
    }

    /** {@code first_name = ?, last_name = ?, …} for an UPDATE of {@code fields}. */
    static String assignments(List<String> fields) {
        return fields.isEmpty() ? "owner = owner" : String.join(", ", fields.stream().map(f -> f + " = ?").toList());
    }

    static String columns() {
        return String.join(", ", FIELDS);
    }

    /** Binds {@code fields} from {@code from} on; a field left out of the data becomes NULL. */
    static int bind(PreparedStatement statement, int from, List<String> fields, JsonNode data) throws SQLException {
        int index = from;
        for (String field : fields) {
            JsonNode v = data.get(field);
            statement.setString(index++, v == null || v.isNull() ? null : v.asText());
        }
        return index;
    }

    static ObjectNode read(ResultSet row) throws SQLException {
        ObjectNode data = JSON.createObjectNode();
        for (String field : FIELDS) {
            String v = row.getString(field);
            if (v == null) {
                data.putNull(field);
            } else {
                data.put(field, v);
            }
        }
        return data;
    }
}
