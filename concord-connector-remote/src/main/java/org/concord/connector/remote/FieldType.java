package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;

/**
 * The kind of value a mapped record field holds, and how values are normalized so that equal
 * values compare equal ("" and null are both "no value"; 5 and 5.0 the same integer).
 */
enum FieldType {
    STRING("string"),
    INTEGER("integer"),
    BOOLEAN("boolean");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String code;

    FieldType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Whether a record field of the application's declared kind can hold values of this type. */
    boolean fits(String declaredKind) {
        return switch (this) {
            case STRING -> declaredKind.equals("string");
            case INTEGER -> declaredKind.equals("integer") || declaredKind.equals("number");
            case BOOLEAN -> declaredKind.equals("boolean");
        };
    }

    /** Normalizes a value read from the canonical model (lenient: a mismatch reads as no value). */
    JsonNode normalize(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return NODES.nullNode();
        }
        return switch (this) {
            case STRING -> v.isValueNode() && !v.asText().isEmpty() ? NODES.textNode(v.asText()) : NODES.nullNode();
            case INTEGER -> v.isNumber() ? NODES.numberNode(v.asLong())
                    : v.isTextual() && v.asText().trim().matches("-?[0-9]+") ? NODES.numberNode(Long.parseLong(v.asText().trim()))
                    : NODES.nullNode();
            case BOOLEAN -> v.isBoolean() ? NODES.booleanNode(v.asBoolean()) : NODES.nullNode();
        };
    }

    /** Converts a value the application sent (strict: a mismatch is an error naming the field). */
    JsonNode fromRecord(JsonNode v, String field) throws ConversionException {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return NODES.nullNode();
        }
        switch (this) {
            case STRING -> {
                if (!v.isValueNode()) {
                    throw new ConversionException("field '" + field + "' must be a string, found " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                return v.asText().isEmpty() ? NODES.nullNode() : NODES.textNode(v.asText());
            }
            case INTEGER -> {
                JsonNode n = normalize(v);
                if (n.isNull() || (v.isNumber() && !v.isIntegralNumber() && v.asDouble() != Math.rint(v.asDouble()))) {
                    throw new ConversionException("field '" + field + "' must be a whole number, found '" + v.asText() + "'");
                }
                return n;
            }
            case BOOLEAN -> {
                if (v.isBoolean()) {
                    return v;
                }
                String s = v.asText().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("1")) {
                    return NODES.booleanNode(true);
                }
                if (s.equals("false") || s.equals("0")) {
                    return NODES.booleanNode(false);
                }
                throw new ConversionException("field '" + field + "' must be true or false, found '" + v.asText() + "'");
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
