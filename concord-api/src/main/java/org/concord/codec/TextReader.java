package org.concord.codec;

import java.io.Reader;

/**
 * A reader of a string without the lock a {@link java.io.StringReader} takes for every character:
 * the vCard parser reads one character at a time, and the lock cost as much as the parsing. Not
 * thread-safe; one parse uses it.
 */
final class TextReader extends Reader {
    private final String text;
    private int next;

    TextReader(String text) {
        this.text = text;
    }

    @Override
    public int read() {
        return next < text.length() ? text.charAt(next++) : -1;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (next >= text.length()) {
            return -1;
        }
        int n = Math.min(length, text.length() - next);
        text.getChars(next, next + n, buffer, offset);
        next += n;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
