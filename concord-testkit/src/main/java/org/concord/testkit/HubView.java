package org.concord.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;
import org.concord.spi.Scope;
import org.concord.spi.WriteResult;

/**
 * The hub's links for one system as the contract suite keeps them: what the engine would know
 * after the writes and reads a test made. Lets listing-based connectors be tested as the engine
 * drives them.
 */
public final class HubView implements KnownObjects {
    private final Map<String, KnownObject> known = new ConcurrentHashMap<>();

    @Override
    public Optional<KnownObject> find(String nativeId) {
        return Optional.ofNullable(known.get(nativeId));
    }

    @Override
    public void forEach(Consumer<KnownObject> visitor) {
        known.values().forEach(visitor);
    }

    /** Remembers what a write left in the system. */
    public void wrote(Scope scope, Payload written, WriteResult result) {
        if (result instanceof WriteResult.Written w) {
            known.put(w.nativeId(), new KnownObject(scope, w.nativeId(), w.version(),
                    w.stored().orElse(written).contentHash()));
        }
    }

    /** Remembers a delete the hub made. */
    public void deleted(String nativeId) {
        known.remove(nativeId);
    }

    /** Remembers what a read reported. */
    public void read(Change change) {
        switch (change) {
            case Change.Upsert u -> known.put(u.nativeId(),
                    new KnownObject(u.scope(), u.nativeId(), u.version(), u.payload().contentHash()));
            case Change.Delete d -> known.remove(d.nativeId());
            case Change.Unreadable x -> { }
        }
    }

    public int size() {
        return known.size();
    }
}
