package org.concord.remote.kit;

/**
 * An error answer as RFC 9457 problem details. The {@code type} URIs are part of the protocol;
 * clients tell problems apart by them, never by the wording of {@code detail}.
 */
final class Problem extends Exception {
    static final String PREFIX = "urn:concord:remote:problem:";

    private final int status;
    private final String slug;
    private final String title;

    Problem(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    static Problem malformed(String detail) {
        return new Problem(400, "malformed-request", "Malformed request", detail);
    }

    int status() {
        return status;
    }

    String type() {
        return PREFIX + slug;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }
}
