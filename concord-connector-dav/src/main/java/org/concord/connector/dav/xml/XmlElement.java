package org.concord.connector.dav.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.namespace.QName;

/**
 * One element of a parsed XML document: its namespace-qualified name, attributes, the text
 * directly inside it (concatenated, not trimmed) and its child elements. Immutable.
 */
public record XmlElement(QName name, Map<String, String> attributes, String text, List<XmlElement> children) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public boolean is(QName other) {
        return name.equals(other);
    }

    /** The first child with that name. */
    public Optional<XmlElement> child(QName childName) {
        for (XmlElement c : children) {
            if (c.is(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<XmlElement> children(QName childName) {
        return children.stream().filter(c -> c.is(childName)).toList();
    }

    /** Every element below this one with that name, at any depth, in document order. */
    public List<XmlElement> descendants(QName descendantName) {
        List<XmlElement> found = new ArrayList<>();
        visit(e -> {
            if (e != this && e.is(descendantName)) {
                found.add(e);
            }
        });
        return found;
    }

    public boolean hasDescendant(QName descendantName) {
        return !descendants(descendantName).isEmpty();
    }

    /** The trimmed text of the first child with that name, if it has any. */
    public Optional<String> childText(QName childName) {
        return child(childName).map(c -> c.text().trim()).filter(t -> !t.isEmpty());
    }

    public Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    private void visit(Consumer<XmlElement> visitor) {
        visitor.accept(this);
        for (XmlElement c : children) {
            c.visit(visitor);
        }
    }
}
