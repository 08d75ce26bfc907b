package org.concord.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldHashesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void fieldHashesSurviveTheRoundTripWithSortedKeys() throws Exception {
        Map<String, String> hashes = Map.of("name", "9a0f", "emails", "3f11", "x-odd \"key\"\\", "tab\there\u0001");
        String json = FieldHashes.toJson(hashes);
        assertThat(json).startsWith("{\"emails\":\"3f11\",\"name\":\"9a0f\",");
        assertThat(FieldHashes.fromJson(json)).isEqualTo(hashes);
        assertThat(JACKSON.readValue(json, new TypeReference<Map<String, String>>() {})).isEqualTo(hashes);
        assertThat(FieldHashes.fromJson(FieldHashes.toJson(Map.of()))).isEmpty();
    }

    @Test
    void jsonWrittenByAnotherLibraryIsRead() throws Exception {
        assertThat(FieldHashes.fromJson(" { \"a\" : \"1\" ,\n \"b\\/\\u00e9\\n\" : \"2\" } "))
                .isEqualTo(Map.of("a", "1", "b/\u00e9\n", "2"));
        Map<String, String> hashes = Map.of("notes", "\u2028 and \"quotes\"");
        assertThat(FieldHashes.fromJson(JACKSON.writeValueAsString(hashes))).isEqualTo(hashes);
    }

    @Test
    void malformedFieldHashesAreRefusedWithTheReason() {
        for (String bad : new String[] {"", "[]", "{\"a\":1}", "{\"a\":\"1\"", "{\"a\":\"1\"} x", "{\"a\":\"1\",\"a\":\"2\"}",
                "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}"}) {
            assertThatThrownBy(() -> FieldHashes.fromJson(bad)).as(bad)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("field hashes are not a JSON object of strings");
        }
    }
}
