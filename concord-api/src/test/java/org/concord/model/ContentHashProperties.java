package org.concord.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The content hash equals the first implementation's ({@link ContentHashOracle}) on random JSON trees. */
class ContentHashProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Names the normalization treats apart, and some it does not. */
    private static final List<String> NAMES = List.of(
            "emails", "phones", "notes", "components", "participants", "alerts", "links", "units",
            "vCardProps", "iCalProps", "iCalCalendarProps", "categories", "recurrenceOverrides",
            "updated", "prodId", "@type", "version", "sequence", "method",
            "name", "title", "a", "B", "b", "ä", "x y", "", "😀", "Z1", "z1");

    private static final List<String> TEXTS = List.of(
            "", "a", "B", "text with spaces", "quote \" inside", "back\\slash", "\\\"", "line\nbreak", "tab\t",
            "\u0001", "é", "Ä", "中文", "😀", "\uD800", "\uDC00x", "O'Neil", "{#,}", "[#]", "<>", "=", "null");

    private static final List<String> NATIVE_NAMES = List.of(
            "prodid", "PRODID", "rev", "Rev", "dtstamp", "last-modified", "LAST-MODIFIED", "sequence",
            "x-custom", "valarm", "VALARM", "x-comp", "İprodid");

    @Property(tries = 400)
    void sameHashesAsTheFirstImplementation(@ForAll("trees") ObjectNode tree) {
        ContentHash now = ContentHash.of(tree);
        ContentHashOracle first = ContentHashOracle.of(tree);
        assertThat(now.fields()).as("field hashes of %s", tree).isEqualTo(first.fields());
        assertThat(now.content()).as("content hash of %s", tree).isEqualTo(first.content());
    }

    @Provide
    Arbitrary<ObjectNode> trees() {
        return object(4);
    }

    private static Arbitrary<JsonNode> node(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(5, scalar()),
                Tuple.of(3, object(depth - 1).map(o -> (JsonNode) o)),
                Tuple.of(3, array(depth - 1)),
                Tuple.of(2, nativeProperty()),
                Tuple.of(1, component(depth - 1)));
    }

    private static Arbitrary<ObjectNode> object(int depth) {
        return Combinators.combine(Arbitraries.of(NAMES), node(depth)).as(Map::entry).list().ofMaxSize(6).map(members -> {
            ObjectNode object = NODES.objectNode();
            members.forEach(m -> object.set(m.getKey(), m.getValue()));
            return object;
        });
    }

    private static Arbitrary<JsonNode> array(int depth) {
        return node(depth).list().ofMaxSize(5).map(elements -> {
            ArrayNode array = NODES.arrayNode();
            elements.forEach(array::add);
            return array;
        });
    }

    /** A jCard / jCal property: {@code ["name", {params}, "type", value…]}. */
    private static Arbitrary<JsonNode> nativeProperty() {
        return Combinators.combine(Arbitraries.of(NATIVE_NAMES), scalar()).as((name, value) -> {
            ArrayNode property = NODES.arrayNode().add(name);
            property.addObject().put("type", "work");
            property.add("text").add(value);
            return property;
        });
    }

    /** A carried component: {@code ["name", [properties…], [components…]]}. */
    private static Arbitrary<JsonNode> component(int depth) {
        return Combinators.combine(Arbitraries.of(NATIVE_NAMES), nativeProperty().list().ofMaxSize(3),
                depth == 0 ? Arbitraries.just(List.<JsonNode>of()) : component(depth - 1).list().ofMaxSize(2))
                .as((name, properties, components) -> {
                    ArrayNode component = NODES.arrayNode().add(name);
                    properties.forEach(component.addArray()::add);
                    ArrayNode inner = component.addArray();
                    components.forEach(inner::add);
                    return component;
                });
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of(TEXTS).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.floats().map(NODES::numberNode),
                Arbitraries.bigDecimals().map(NODES::numberNode),
                Arbitraries.bigIntegers().map(NODES::numberNode),
                Arbitraries.shorts().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }
}
