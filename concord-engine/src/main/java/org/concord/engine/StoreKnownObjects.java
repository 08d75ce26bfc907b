package org.concord.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;
import org.concord.spi.Scope;
import org.concord.store.Link;
import org.concord.store.Store;

/** The store's links of one system, as the read-only view connectors that list compare against. */
final class StoreKnownObjects implements KnownObjects {
    private final Store store;
    private final String system;

    StoreKnownObjects(Store store, String system) {
        this.store = store;
        this.system = system;
    }

    @Override
    public Optional<KnownObject> find(String nativeId) {
        return store.read(tx -> tx.link(system, nativeId)).map(StoreKnownObjects::known);
    }

    /** One read transaction for all of them (each lookup alone would take and end one). */
    @Override
    public Map<String, KnownObject> findAll(Collection<String> nativeIds) {
        return store.read(tx -> {
            Map<String, KnownObject> found = new HashMap<>();
            for (String id : nativeIds) {
                tx.link(system, id).ifPresent(l -> found.put(id, known(l)));
            }
            return found;
        });
    }

    @Override
    public void forEach(Consumer<KnownObject> visitor) {
        store.read(tx -> {
            tx.forEachLink(system, l -> visitor.accept(known(l)));
            return null;
        });
    }

    private static KnownObject known(Link l) {
        return new KnownObject(new Scope(l.user(), l.type()), l.nativeId(), l.version(), l.contentHash());
    }
}
