package org.concord.codec;

/**
 * A text that is not a vCard or an iCalendar object at all, or holds no object. The message says
 * what is wrong and where (line, property). A single bad property never causes this: it is kept
 * with its raw value instead.
 */
public class CodecException extends Exception {

    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
