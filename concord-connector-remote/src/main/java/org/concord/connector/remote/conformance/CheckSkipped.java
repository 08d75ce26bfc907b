package org.concord.connector.remote.conformance;

/** A check cannot run: an optional capability is not offered, or a check it builds on failed. */
final class CheckSkipped extends Exception {
    CheckSkipped(String message) {
        super(message);
    }
}
