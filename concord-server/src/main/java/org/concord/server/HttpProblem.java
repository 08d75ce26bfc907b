package org.concord.server;

/**
 * A request that cannot be answered as asked: the status and a message for the caller, which
 * names the object and the reason and never holds a secret.
 */
final class HttpProblem extends Exception {
    private final int status;

    HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    static HttpProblem conflict(String message) {
        return new HttpProblem(409, message);
    }
}
