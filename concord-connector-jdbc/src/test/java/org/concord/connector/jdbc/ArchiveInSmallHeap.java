package org.concord.connector.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.MailMessage;
import org.concord.spi.RecordKey;
import org.concord.spi.SystemConfig;

/**
 * Archives one big message in a JVM of its own, started by the archive test with a small heap
 * ({@code -Xmx48m}): if any part of the archive held the attachment whole, it would run out of
 * memory. Prints the outcome and the peak heap used.
 *
 * <p>Arguments: url user password upload-dir eml-file message-id attachment-size seed.
 */
final class ArchiveInSmallHeap {
    private ArchiveInSmallHeap() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "jdbc");
        settings.put("url", args[0]);
        settings.put("username", args[1]);
        if (!args[2].isEmpty()) {
            settings.put("password", args[2]);
        }
        settings.put("tls", false);
        settings.put("preset", "crm");
        settings.put("upload-dir", args[3]);
        settings.put("archive-size-cap", "40MB");
        TestMail.Part big = new TestMail.Part("survey-photos.zip", "application/zip", Long.parseLong(args[6]), Long.parseLong(args[7]));
        TestMail.Spec spec = TestMail.spec(args[5], big);
        MailMessage message = TestMail.message(Path.of(args[4]), spec, List.of());
        try (JdbcConnector crm = (JdbcConnector) new JdbcConnectorFactory().create(new SystemConfig("crm", settings, Path.of(".")))) {
            ArchiveResult result = crm.archive(new ArchiveRequest(message, message.attachments(),
                    List.of(new RecordKey("alice", "contact", "1")), "alice"));
            System.out.println("OUTCOME " + result.outcomes().getFirst());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("PEAK_HEAP " + peak);
    }
}
