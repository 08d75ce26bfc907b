package org.concord.connector.dav.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** Credentials for HTTP Basic authentication. The password never appears in {@link #toString()}. */
public record Account(String username, String password) {
    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Account[" + username + "]";
    }
}
