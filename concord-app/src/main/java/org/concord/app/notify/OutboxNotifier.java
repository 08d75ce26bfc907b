package org.concord.app.notify;

import java.time.Duration;
import java.time.Instant;
import org.concord.engine.SystemListener;

/**
 * What every channel does with a transition: turn it into a {@link Notification} and queue it in
 * the channel's own outbox, so the engine thread never waits for a mail server or a webhook.
 */
abstract sealed class OutboxNotifier implements SystemListener, Outbox.Channel, AutoCloseable
        permits EmailNotifier, WebhookNotifier {

    /** The machine the agent runs on, named in every notification. */
    final String host;
    Outbox outbox;

    OutboxNotifier(String host) {
        this.host = host;
    }

    /** Starts the channel's outbox; called once, right after construction. */
    final void startOutbox(Outbox.Policy policy) {
        outbox = Outbox.start(this, policy);
    }

    @Override
    public final void systemDown(String system, String reason, Instant since) {
        outbox.offer(new Notification.Down(system, reason, since, host));
    }

    @Override
    public final void systemUp(String system, Duration downFor, Instant at) {
        outbox.offer(new Notification.Up(system, downFor, at, host));
    }

    @Override
    public final void systemPaused(String system, String reason, Instant at) {
        outbox.offer(new Notification.Paused(system, reason, at, host));
    }

    final Outbox outbox() {
        return outbox;
    }

    /** Gives what is queued a moment to go out, then stops the channel. Never throws. */
    @Override
    public abstract void close();
}
