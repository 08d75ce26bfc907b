package org.concord.app.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;

/** Waiting on a GreenMail server by the number of messages it holds (its own wait counts only mail arriving after the call). */
final class Mailboxes {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Mailboxes() {}

    /** True once the server holds at least {@code count} messages (one per recipient), false after 15 s. */
    static boolean awaitMessages(GreenMailExtension mail, int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (mail.getReceivedMessages().length >= count) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
