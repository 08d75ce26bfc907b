package org.concord.connector.dav.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML from a server with StAX into {@link XmlElement} trees. A document type declaration is
 * refused outright, so neither external entities (XXE) nor entity expansion bombs can reach us;
 * undeclared entity references then fail the parse too.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = newFactory();

    /** Deeper nesting than any DAV response has marks a hostile document. */
    private static final int MAX_DEPTH = 64;

    private SafeXml() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused");
        });
        return f;
    }

    /** Parses a whole document and returns its root element. */
    public static XmlElement parse(byte[] document) throws XmlException {
        XMLStreamReader r = null;
        try {
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
            }
            Deque<Builder> open = new ArrayDeque<>();
            XmlElement root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XmlException("document type declarations are refused");
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new XmlException("entity references are refused: '" + r.getLocalName() + "'");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new XmlException("elements nested deeper than " + MAX_DEPTH);
                        }
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        open.push(new Builder(new QName(nullToEmpty(r.getNamespaceURI()), r.getLocalName()), attributes));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement done = open.pop().build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.peek().children.add(done);
                        }
                    }
                    default -> { }
                }
            }
            if (root == null) {
                throw new XmlException("no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new XmlException("malformed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader over a byte array releases nothing that matters.
                }
            }
        }
    }

    /** Escapes text for an element body or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class Builder {
        final QName name;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(QName name, Map<String, String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        XmlElement build() {
            return new XmlElement(name, attributes, text.toString(), children);
        }
    }
}
