package org.concord.connector.vdir;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A file's native version, from what a stat gives: modification time in nanoseconds, size and,
 * where the file system has one, the file key (device and inode). An atomic replace gives the
 * file a new inode, so even a rewrite within one timestamp tick changes the version.
 */
final class FileVersion {

    /**
     * How close to "now" a modification time must be for an in-place rewrite of the same size to
     * possibly keep the same timestamp (file systems tick from nanoseconds to 2 s). Such "racy"
     * files are compared by content, as git does with its index.
     */
    static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    private FileVersion() {}

    static String of(BasicFileAttributes attributes) {
        StringBuilder b = new StringBuilder()
                .append('m').append(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                .append("-s").append(attributes.size());
        Object key = attributes.fileKey();
        if (key != null) {
            // e.g. "(dev=803,ino=1234)" on Linux: keep the letters and digits, which stay unambiguous
            b.append("-k");
            String k = key.toString();
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Whether a same-size rewrite could still land on this modification time. */
    static boolean isRacy(BasicFileAttributes attributes, long nowMillis) {
        return nowMillis - attributes.lastModifiedTime().toMillis() < RACY_WINDOW.toMillis();
    }
}
