package org.concord.remote.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Checks the Authorization header against the configured bearer tokens or Basic credentials. */
final class Authentication {
    private final List<byte[]> tokens;
    private final Optional<KitServer.BasicCredentials> basic;

    Authentication(List<String> tokens, Optional<KitServer.BasicCredentials> basic) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.basic = basic;
    }

    boolean isRequired() {
        return !tokens.isEmpty() || basic.isPresent();
    }

    /** The challenge to send with a 401. */
    String challenge() {
        return !tokens.isEmpty() ? "Bearer realm=\"concord\"" : "Basic realm=\"concord\", charset=\"UTF-8\"";
    }

    boolean accepts(String header) {
        if (!isRequired()) {
            return true;
        }
        if (header == null) {
            return false;
        }
        String h = header.trim();
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            boolean ok = false;
            for (byte[] token : tokens) {
                // no early exit: the time taken does not tell which token came close
                ok |= MessageDigest.isEqual(token, given);
            }
            return ok;
        }
        if (h.regionMatches(true, 0, "Basic ", 0, 6) && basic.isPresent()) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(h.substring(6).trim());
            } catch (IllegalArgumentException e) {
                return false;
            }
            KitServer.BasicCredentials c = basic.get();
            byte[] expected = (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, decoded);
        }
        return false;
    }
}
