package org.concord.connector.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.concord.connector.jdbc.mapping.CarryMerge;
import org.concord.connector.jdbc.mapping.ColumnException;

/**
 * What a loaded row is as an object: its payload, rebuilt with what the carry table keeps for it,
 * and its native version, which covers the carried object too (so it changes whenever the object
 * does, whichever part changed).
 */
final class RowReading {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowReading() {}

    static ObjectNode payload(TableInfo t, RowSource.Loaded l) throws ColumnException {
        ObjectNode now = t.converter().read(l.row());
        if (l.carried().isEmpty() || !l.carried().get().lossy()) {
            return now;
        }
        CarryTable.Carried c = l.carried().get();
        return CarryMerge.merge(parse(c.written(), "written"), parse(c.base(), "base"), normalized(now), t.converter()::claimed);
    }

    static String version(TableInfo t, RowSource.Loaded l) {
        String row = t.converter().version(l.row());
        if (l.carried().isEmpty() || !l.carried().get().lossy()) {
            return row;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((row + '\u0001' + l.carried().get().written())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The JSON text a payload is kept as in the carry table. */
    static String text(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload does not serialize", e);
        }
    }

    /** The same tree as it reads back from its text, so numbers compare equal with carried ones. */
    static ObjectNode normalized(ObjectNode json) {
        try {
            return (ObjectNode) JSON.readTree(text(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload does not read back", e);
        }
    }

    private static ObjectNode parse(String text, String column) throws ColumnException {
        try {
            JsonNode n = JSON.readTree(text);
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new ColumnException("(carry table) " + column, "the carried object is not JSON; delete its carry row to read the row alone");
    }
}
