package org.concord.connector.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;

/**
 * Classifies a failed call where it happens: refused credentials, a wrong URL or a request the
 * application calls malformed need an administrator (permanent); an unreachable or overloaded
 * application is retried (retryable).
 */
final class Failures {
    private Failures() {}

    static ConnectorException of(String system, String call, HttpTransport.Answer answer) {
        int s = answer.status();
        String what = "remote '" + system + "': " + call + " ";
        String detail = answer.problemDetail();
        String tail = detail.isEmpty() ? "" : ": " + detail;
        if (s == 401 || s == 403) {
            return new PermanentConnectorException(what + "refused: HTTP " + s + tail + " (check the system's token or username/password)");
        }
        if (s == 410 && answer.problemType().endsWith(":since-expired")) {
            return new PermanentConnectorException(what + "failed: HTTP 410" + tail
                    + " (the application's change log no longer reaches back to our cursor: run a full resync of '" + system + "')");
        }
        if (s == 404) {
            return new PermanentConnectorException(what + "failed: HTTP 404" + tail + " (check the system's url: it must end in the version prefix, e.g. /concord/v1/)");
        }
        if (s == 408 || s == 429 || s >= 500) {
            return new RetryableConnectorException(what + "failed: HTTP " + s + tail);
        }
        return new PermanentConnectorException(what + "failed: HTTP " + s + tail);
    }

    static RetryableConnectorException of(String system, String call, IOException e) {
        String reason = switch (e) {
            case HttpTimeoutException t -> "no answer in time";
            case ConnectException c -> "cannot connect" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
        return new RetryableConnectorException("remote '" + system + "': " + call + " failed: " + reason, e);
    }

    static PermanentConnectorException protocol(String system, String call, String problem) {
        return new PermanentConnectorException("remote '" + system + "': " + call + " answered against the protocol: " + problem);
    }
}
