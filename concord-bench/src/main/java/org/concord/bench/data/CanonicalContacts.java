package org.concord.bench.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.concord.codec.CodecException;
import org.concord.codec.VCardCodec;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/**
 * Canonical contacts for the in-memory systems, cheap to make in bulk: a few generated vCards are
 * decoded once, and contact {@code i} is template {@code i % n} with its own UID, name and a
 * {@code benchSeq} property (carried like any unknown property) that names the change it came from.
 */
public final class CanonicalContacts {
    private final List<ObjectNode> templates = new ArrayList<>();

    public CanonicalContacts(int count) {
        for (int t = 0; t < count; t++) {
            try {
                templates.add(VCardCodec.decode(ContactGenerator.vcard(t + 1, 0)).json());
            } catch (CodecException e) {
                throw new IllegalStateException("bench: generated contact " + t + " does not decode: " + e.getMessage(), e);
            }
        }
    }

    /** Contact {@code i} as changed by change {@code seq}. */
    public Payload contact(int i, long seq) {
        ObjectNode json = templates.get(i % templates.size()).deepCopy();
        json.put("uid", ContactGenerator.uid(i));
        ObjectNode name = json.get("name") instanceof ObjectNode n ? n : json.putObject("name");
        name.put("full", "Contact " + i + " #" + seq);
        json.put("benchSeq", seq);
        return Payload.of(ItemType.CONTACT, json);
    }

    /** The change a payload came from, or -1 if it carries none. */
    public static long seqOf(Payload payload) {
        return payload.property("benchSeq").map(n -> n.asLong(-1)).orElse(-1L);
    }
}
