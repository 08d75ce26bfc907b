package org.concord.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;
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
        return store.read(tx -> tx.link(system, nativeId)).map(Link::known);
    }

    /** One read transaction and a few statements for all of them, not one of each per id. */
    @Override
    public Map<String, KnownObject> findAll(Collection<String> nativeIds) {
        return store.read(tx -> tx.knownObjects(system, nativeIds));
    }

    @Override
    public void forEach(Consumer<KnownObject> visitor) {
        store.read(tx -> {
            tx.forEachKnownObject(system, visitor);
            return null;
        });
    }
}
