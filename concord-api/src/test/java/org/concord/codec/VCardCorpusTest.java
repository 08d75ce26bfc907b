package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.concord.model.Contact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus vCard survives decode → encode → decode, in every version, and keeps its properties natively. */
class VCardCorpusTest {

    static Stream<Arguments> filesAndVersions() {
        List<Arguments> cases = new ArrayList<>();
        for (String file : Corpus.files("vcard")) {
            for (VCardVersion version : VCardVersion.values()) {
                cases.add(Arguments.of(file, version));
            }
        }
        return cases.stream();
    }

    static Stream<String> files() {
        return Corpus.files("vcard").stream();
    }

    @ParameterizedTest(name = "{0} via vCard {1}")
    @MethodSource("filesAndVersions")
    void canonicalFormSurvivesARoundTripThroughEveryVersion(String file, VCardVersion version) throws Exception {
        for (Contact contact : VCardCodec.decodeAll(Corpus.read(file))) {
            String encoded = VCardCodec.encode(contact, version);
            Contact again = VCardCodec.decode(encoded);
            assertThat(again.json()).as("canonical JSON after vCard %s:%n%s", version.code(), encoded)
                    .isEqualTo(contact.json());
            assertThat(again.contentHash()).isEqualTo(contact.contentHash());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writingBackInTheSameVersionKeepsEveryProperty(String file) throws Exception {
        String original = Corpus.read(file);
        VCardVersion version = VCardVersion.of(original).orElseThrow();
        StringBuilder rewritten = new StringBuilder();
        for (Contact contact : VCardCodec.decodeAll(original)) {
            rewritten.append(VCardCodec.encode(contact, version));
        }
        assertThat(VCardEquivalence.lost(original, rewritten.toString())).as("lost from:%n%s", rewritten).isEmpty();
        assertThat(VCardEquivalence.added(original, rewritten.toString())).as("added in:%n%s", rewritten).isEmpty();
    }
}
