package org.concord.connector.vdir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.concord.codec.CodecException;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.model.Contact;
import org.concord.model.Payload;
import org.concord.spi.Connector;
import org.concord.spi.SystemConfig;

/** Objects and folders for tests, as a user's tools would write them. */
final class Samples {

    private Samples() {}

    static String vcard(String uid, String name) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\nEND:VCARD\r\n";
    }

    static String event(String uid, String title) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250301T100000Z\r\nDTEND:20250301T110000Z\r\nSUMMARY:"
                + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    static String todo(String uid, String title) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:" + title + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }

    static Contact contact(String uid, String name) {
        try {
            return VCardCodec.decode(vcard(uid, name));
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }

    static Payload eventPayload(String uid, String title) {
        try {
            return ICalCodec.decode(event(uid, title));
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes a file the way a user's editor would: in place, folders made as needed. */
    static Path put(Path root, String nativeId, String text) {
        try {
            Path file = root.resolve(nativeId);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SystemConfig config(Path root, Map<String, Object> more) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("connector", "vdir");
        settings.put("path", root.toString());
        settings.putAll(more);
        return new SystemConfig("files", settings, root.getParent());
    }

    static Connector open(Path root) throws Exception {
        return open(root, Map.of());
    }

    static Connector open(Path root, Map<String, Object> more) throws Exception {
        Connector connector = new VdirConnectorFactory().create(config(root, more));
        connector.open();
        return connector;
    }
}
