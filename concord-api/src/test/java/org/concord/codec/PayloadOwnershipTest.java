package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payloads are immutable to their callers (the tree is copied in and copied out), also where the
 * codecs skip those copies: a decoded payload owns a tree nobody else holds, and encoding reads the
 * payload's tree without changing it.
 */
class PayloadOwnershipTest {

    static List<String> vcards() {
        return Corpus.files("vcard");
    }

    static List<String> calendars() {
        return Corpus.files("ical");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vcards")
    void encodingAContactInEveryVersionLeavesItAsItWas(String file) throws Exception {
        for (Contact contact : VCardCodec.decodeAll(Corpus.read(file))) {
            ObjectNode before = contact.json();
            String hash = contact.contentHash();
            for (VCardVersion version : VCardVersion.values()) {
                String first = VCardCodec.encode(contact, version);
                assertThat(VCardCodec.encode(contact, version)).as("encoding again gives the same text").isEqualTo(first);
            }
            assertThat(contact.json()).isEqualTo(before);
            assertThat(Payload.of(ItemType.CONTACT, before).contentHash()).isEqualTo(hash);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void encodingACalendarObjectLeavesItAsItWas(String file) throws Exception {
        for (Payload payload : ICalCodec.decodeAll(Corpus.read(file))) {
            ObjectNode before = payload.json();
            String first = withoutStamp(ICalCodec.encode(payload));
            assertThat(withoutStamp(ICalCodec.encode(payload))).as("encoding again gives the same text").isEqualTo(first);
            assertThat(payload.json()).isEqualTo(before);
        }
    }

    /** DTSTAMP is the time of writing, when the object has none of its own. */
    private static String withoutStamp(String text) {
        return text.replaceAll("(?m)^DTSTAMP:.*\\R", "");
    }

    @Test
    void aDecodedContactIsNotChangedThroughWhatItHandsOut() throws Exception {
        Contact contact = VCardCodec.decode(Corpus.read("vcard/apple-icloud-3.0.vcf"));
        String text = VCardCodec.encode(contact, VCardVersion.V4_0);

        ObjectNode copy = contact.json();
        copy.put("uid", "changed");
        copy.removeAll();
        contact.property("name").ifPresent(name -> ((ObjectNode) name).put("full", "Changed"));
        contact.property("vCardProps").ifPresent(props -> ((ArrayNode) props).removeAll());

        assertThat(VCardCodec.encode(contact, VCardVersion.V4_0)).isEqualTo(text);
        assertThat(contact).isEqualTo(VCardCodec.decode(Corpus.read("vcard/apple-icloud-3.0.vcf")));
    }

    @Test
    void twoDecodesOfOneTextShareNoNode() throws Exception {
        String text = Corpus.read("vcard/fastmail-4.0.vcf");
        Contact one = VCardCodec.decode(text);
        Contact two = VCardCodec.decode(text);

        assertThat(one).isEqualTo(two);
        // a tree taken over without a copy is that payload's alone: no container node is in both
        Set<JsonNode> nodesOfOne = Collections.newSetFromMap(new IdentityHashMap<>());
        one.readTree(tree -> containers(tree, nodesOfOne));
        Set<JsonNode> nodesOfTwo = Collections.newSetFromMap(new IdentityHashMap<>());
        two.readTree(tree -> containers(tree, nodesOfTwo));
        assertThat(nodesOfOne).hasSizeGreaterThan(5);
        nodesOfTwo.retainAll(nodesOfOne);
        assertThat(nodesOfTwo).isEmpty();
    }

    private static Set<JsonNode> containers(JsonNode node, Set<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> containers(child, into));
        }
        return into;
    }

    @Test
    void aTreeGivenToOfIsCopiedSoLaterChangesToItDoNotShow() throws Exception {
        ObjectNode tree = VCardCodec.decode(Corpus.read("vcard/minimal-3.0.vcf")).json();
        Payload payload = Payload.of(ItemType.CONTACT, tree);
        String hash = payload.contentHash();
        String label = payload.label();

        tree.putObject("name").put("full", "Someone else");
        tree.put("uid", "another");

        assertThat(payload.label()).isEqualTo(label);
        assertThat(payload.contentHash()).isEqualTo(hash);
        assertThat(Payload.of(ItemType.CONTACT, payload.json()).contentHash()).isEqualTo(hash);
    }

    @Test
    void contactsEncodedOnManyThreadsAtOnceComeOutTheSameAndStayUnchanged() throws Exception {
        Contact contact = VCardCodec.decode(Corpus.read("vcard/evolution-3.0.vcf"));
        String expected = VCardCodec.encode(contact, VCardVersion.V3_0);
        ObjectNode before = contact.json();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                texts.add(pool.submit(() -> VCardCodec.encode(contact, VCardVersion.V3_0)));
            }
            for (Future<String> text : texts) {
                assertThat(text.get()).isEqualTo(expected);
            }
        }
        assertThat(contact.json()).isEqualTo(before);
    }
}
