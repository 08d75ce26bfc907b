package org.concord.connector.dav.xml;

/** A response body that is not acceptable XML: malformed, or carrying a DTD or entity declarations. */
public final class XmlException extends Exception {
    public XmlException(String message) {
        super(message);
    }

    public XmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
