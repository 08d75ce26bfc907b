package org.concord.bench.micro;

import java.util.concurrent.TimeUnit;
import org.concord.bench.data.ContactGenerator;
import org.concord.codec.CodecException;
import org.concord.codec.VCardCodec;
import org.concord.codec.VCardVersion;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one contact costs the hub on its way through: vCard text to canonical contact (a read
 * from a folder or a DAV server), canonical contact to vCard (a write), and the content hash the
 * engine compares to drop echoes. On a plain 1.5 KB contact and on one with a photo.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    /** Contact 1 is plain; contact 0 carries a photo (one in twenty does). */
    @Param({"plain", "photo"})
    public String kind;

    private String vcard;
    private Contact contact;

    @Setup
    public void setUp() throws CodecException {
        vcard = ContactGenerator.vcard(kind.equals("photo") ? 0 : 1, 0);
        contact = VCardCodec.decode(vcard);
    }

    @Benchmark
    public Contact decode() throws CodecException {
        return VCardCodec.decode(vcard);
    }

    @Benchmark
    public String encode() {
        return VCardCodec.encode(contact, VCardVersion.V3_0);
    }

    /** A fresh payload each time: the hash is cached per payload object. */
    @Benchmark
    public String hash() {
        return Payload.of(ItemType.CONTACT, contact.json()).contentHash();
    }

    @Benchmark
    public String decodeAndHash() throws CodecException {
        return VCardCodec.decode(vcard).contentHash();
    }
}
