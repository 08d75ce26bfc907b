/**
 * The watchdog's notifications beyond the log: every up/down transition of a system is posted to
 * a webhook and mailed over SMTP, each channel on a thread of its own so the engine never waits.
 */
package org.concord.app.notify;
