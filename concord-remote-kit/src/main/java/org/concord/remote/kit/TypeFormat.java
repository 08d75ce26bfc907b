package org.concord.remote.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an application serves one type of object: its data format and, for flat records, the
 * record's fields and their kinds (Concord checks its field mapping against them).
 */
public record TypeFormat(DataFormat format, Map<String, FieldKind> fields) {
    public TypeFormat {
        Objects.requireNonNull(format, "format");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (format == DataFormat.RECORD && fields.isEmpty()) {
            throw new IllegalArgumentException("a record format must list its fields");
        }
        if (format != DataFormat.RECORD && !fields.isEmpty()) {
            throw new IllegalArgumentException("only the record format lists fields, not " + format.code());
        }
    }

    public static TypeFormat of(DataFormat format) {
        return new TypeFormat(format, Map.of());
    }

    /** A flat record with these fields, in this order. */
    public static TypeFormat record(Map<String, FieldKind> fields) {
        return new TypeFormat(DataFormat.RECORD, fields);
    }
}
