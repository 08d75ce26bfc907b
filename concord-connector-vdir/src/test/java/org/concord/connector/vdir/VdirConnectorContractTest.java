package org.concord.connector.vdir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.concord.spi.Connector;
import org.concord.testkit.ConnectorContract;

/** The connector contract, against a fresh empty folder per test. */
class VdirConnectorContractTest extends ConnectorContract {

    private Path folder;

    @Override
    protected Connector createConnector() throws Exception {
        folder = Files.createTempDirectory("vdir-contract");
        return new VdirConnectorFactory().create(Samples.config(folder.resolve("files"), Map.of()));
    }

    @Override
    protected void destroySystem() throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
