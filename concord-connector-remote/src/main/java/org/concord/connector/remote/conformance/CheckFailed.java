package org.concord.connector.remote.conformance;

/** A check found the endpoint breaking the protocol; the message says how, precisely. */
final class CheckFailed extends Exception {
    CheckFailed(String message) {
        super(message);
    }
}
