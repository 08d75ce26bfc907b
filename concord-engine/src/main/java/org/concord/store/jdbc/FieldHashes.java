package org.concord.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** A link's per-field hashes as JSON text: {@code {"emails":"3f…","name":"9a…"}}, keys sorted. */
final class FieldHashes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private FieldHashes() {}

    static String toJson(Map<String, String> hashes) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(hashes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("field hashes cannot be written as JSON", e);
        }
    }

    static Map<String, String> fromJson(String json) throws SQLException {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new SQLException("field hashes are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
