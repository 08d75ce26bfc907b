package org.concord.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Content and field hashes are stored in every link, so they must never change: a different value
 * would make every synced object look edited. The pinned values were computed by the first
 * implementation, for the decoded test corpus and for hand-written payloads of every shape the
 * normalization treats apart (id-keyed maps, unordered and carried native properties, patches,
 * escapes, numbers, nulls).
 */
class ContentHashPinsTest {

    record Pin(String name, ObjectNode payload, String contentHash, Map<String, String> fieldHashes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Pin> pins() throws IOException {
        try (InputStream in = ContentHashPinsTest.class.getResourceAsStream("content-hash-pins.json")) {
            List<Pin> pins = new ArrayList<>();
            for (JsonNode pin : new ObjectMapper().readTree(in)) {
                Map<String, String> fields = new TreeMap<>();
                pin.get("fieldHashes").properties().forEach(e -> fields.put(e.getKey(), e.getValue().textValue()));
                pins.add(new Pin(pin.get("name").textValue(), (ObjectNode) pin.get("payload"),
                        pin.get("contentHash").textValue(), fields));
            }
            return pins;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pins")
    void hashesStayWhatTheyWere(Pin pin) {
        Payload payload = Payload.of(pin.payload());
        assertThat(payload.fieldHashes()).isEqualTo(pin.fieldHashes());
        assertThat(payload.contentHash()).isEqualTo(pin.contentHash());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pins")
    void theOracleAgreesWithThePins(Pin pin) {
        ContentHashOracle oracle = ContentHashOracle.of(Payload.of(pin.payload()).json());
        assertThat(oracle.fields()).isEqualTo(pin.fieldHashes());
        assertThat(oracle.content()).isEqualTo(pin.contentHash());
    }
}
