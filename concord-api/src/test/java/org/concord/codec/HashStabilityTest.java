package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.concord.model.Payload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The content hash of every corpus file stays the same when a server rewrites it without a user
 * asking: reordered lines, other folding, other line endings, other parameter-name case, new
 * PRODID / REV / DTSTAMP / LAST-MODIFIED.
 */
class HashStabilityTest {

    record Rewrite(String name, UnaryOperator<String> apply, boolean forVCard21) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Rewrite> rewrites() {
        return List.of(
                new Rewrite("lines reordered", Mutations::reorder, true),
                new Rewrite("refolded at 30", t -> Mutations.refold(t, 30), false),
                new Rewrite("unfolded", t -> Mutations.refold(t, Integer.MAX_VALUE), true),
                new Rewrite("LF line endings", t -> Mutations.lineEndings(t, "\n"), true),
                new Rewrite("CR line endings", t -> Mutations.lineEndings(t, "\r"), true),
                new Rewrite("parameter names lower case", t -> Mutations.paramNameCase(t, false), true),
                new Rewrite("parameter names upper case", t -> Mutations.paramNameCase(t, true), true),
                new Rewrite("restamped", t -> Mutations.restamp(t, List.of("PRODID", "REV", "DTSTAMP", "LAST-MODIFIED"),
                        name -> switch (name) {
                            case "PRODID" -> "-//Some Other Server//Rewriter 9.9//EN";
                            default -> "20301231T235959Z";
                        }), true));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String folder : List.of("vcard", "ical")) {
            for (String file : Corpus.files(folder)) {
                for (Rewrite r : rewrites()) {
                    out.add(Arguments.of(file, r));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void contentHashIgnoresWhatServersRewrite(String file, Rewrite rewrite) throws Exception {
        String original = Corpus.read(file);
        boolean vcard = file.startsWith("vcard/");
        if (vcard && !rewrite.forVCard21() && VCardVersion.of(original).orElse(null) == VCardVersion.V2_1) {
            return; // vCard 2.1 keeps the space of a folded line, so refolding changes values there
        }
        List<String> before = hashes(original, vcard);
        List<String> after = hashes(rewrite.apply().apply(original), vcard);
        assertThat(after).as("hashes after '%s'", rewrite.name()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<String> hashes(String text, boolean vcard) throws CodecException {
        List<? extends Payload> payloads = vcard ? VCardCodec.decodeAll(text) : ICalCodec.decodeAll(text);
        return payloads.stream().map(Payload::contentHash).toList();
    }
}
