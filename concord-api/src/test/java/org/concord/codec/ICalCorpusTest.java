package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.concord.model.Payload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus calendar survives decode → encode → decode, and keeps its properties natively. */
class ICalCorpusTest {

    static Stream<String> files() {
        return Corpus.files("ical").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void canonicalFormSurvivesARoundTrip(String file) throws Exception {
        for (Payload payload : ICalCodec.decodeAll(Corpus.read(file))) {
            String encoded = ICalCodec.encode(payload);
            Payload again = ICalCodec.decode(encoded);
            assertThat(again.json()).as("canonical JSON after encoding:%n%s", encoded).isEqualTo(payload.json());
            assertThat(again.contentHash()).isEqualTo(payload.contentHash());
            assertThat(again.type()).isEqualTo(payload.type());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writingBackKeepsEveryProperty(String file) throws Exception {
        String original = Corpus.read(file);
        List<Payload> payloads = ICalCodec.decodeAll(original);
        StringBuilder rewritten = new StringBuilder();
        for (Payload p : payloads) {
            rewritten.append(ICalCodec.encode(p));
        }
        assertThat(ICalEquivalence.lost(original, rewritten.toString())).as("lost from:%n%s", rewritten).isEmpty();
    }
}
