package org.concord.app.cli;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concord.connector.remote.conformance.ConformanceSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concord connector-test URL [--token T]}: the remote protocol's conformance checklist against an endpoint. */
@Command(name = "connector-test",
        description = "Run the remote connector protocol's conformance checks against an endpoint; prints PASS/FAIL per check with the reason.")
public final class ConnectorTestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL", description = "The endpoint's base URL, e.g. http://127.0.0.1:8081/concord/v1/")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for the endpoint (or set CONCORD_CONNECTOR_TOKEN).")
    String token;

    @Override
    public Integer call() {
        Optional<String> t = Optional.ofNullable(token).or(() -> Optional.ofNullable(System.getenv("CONCORD_CONNECTOR_TOKEN")));
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            System.err.println("concord: connector-test: expected an http:// or https:// URL, found '" + url + "'");
            return ExitCodes.USAGE;
        }
        boolean passed = ConformanceSuite.run(url, t, System.out);
        return passed ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
