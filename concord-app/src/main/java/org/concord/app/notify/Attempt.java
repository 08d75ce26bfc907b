package org.concord.app.notify;

/** What one attempt to deliver a notification came to; the outbox decides from it whether to try again. */
sealed interface Attempt permits Attempt.Delivered, Attempt.Retry, Attempt.Refused {

    /** The receiver took it. */
    record Delivered() implements Attempt {}

    /** A failure that may pass (receiver down, timeout, HTTP 503): worth another attempt later. */
    record Retry(String reason) implements Attempt {}

    /** A failure that trying again will not fix (HTTP 400, bad credentials, untrusted certificate). */
    record Refused(String reason) implements Attempt {}
}
