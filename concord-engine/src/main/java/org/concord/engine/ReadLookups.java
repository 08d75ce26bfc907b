package org.concord.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.concord.model.ItemType;
import org.concord.spi.Change;
import org.concord.store.ConflictRecord;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.StoreTx;

/**
 * What the reader looks up in the store for one batch of changes, read up front with a few
 * statements per kind instead of up to four point look-ups per change: the links of the changes'
 * native ids, the items their UIDs match (with this system's links of those), and the pending
 * entry, item and open conflict of every item a change that is not an echo refers to.
 *
 * <p>A change may alter what a later change of the same batch looks up. So a value read up front
 * is used only while no earlier change of the batch touched its key — the native id, the item,
 * the UID; after that the store is asked again. Each change therefore sees exactly what its own
 * point look-ups would have told it, and {@link ReadPlanner} decides as before.
 */
final class ReadLookups {

    /** A UID is known per canonical user and type. */
    private record UidKey(String user, ItemType type, String uid) {}

    private record ScopeKey(String user, ItemType type) {}

    /** Values read up front for a set of keys; a key asked without a value has none. */
    private record Known<K, V>(Set<K> asked, Map<K, V> found) {
        static <K, V> Known<K, V> of(Collection<K> asked, Map<K, V> found) {
            return new Known<>(new HashSet<>(asked), found);
        }

        static <K, V> Known<K, V> none() {
            return new Known<>(Set.of(), Map.of());
        }

        Optional<V> get(K key, boolean untouched, Function<K, Optional<V>> ask) {
            return untouched && asked.contains(key) ? Optional.ofNullable(found.get(key)) : ask.apply(key);
        }
    }

    private final StoreTx tx;
    private final String system;
    private final UserMap users;
    private final Known<String, Link> links;
    private final Known<UidKey, Item> byUid;
    private final Known<String, Link> linksOfItems;
    private final Known<String, Pending> pending;
    private final Known<String, Item> items;
    private final Known<String, ConflictRecord> openConflicts;
    private final Set<String> touchedNativeIds = new HashSet<>();
    private final Set<String> touchedItems = new HashSet<>();
    private final Set<UidKey> touchedUids = new HashSet<>();

    private ReadLookups(StoreTx tx, String system, UserMap users, Known<String, Link> links, Known<UidKey, Item> byUid,
            Known<String, Link> linksOfItems, Known<String, Pending> pending, Known<String, Item> items,
            Known<String, ConflictRecord> openConflicts) {
        this.tx = tx;
        this.system = system;
        this.users = users;
        this.links = links;
        this.byUid = byUid;
        this.linksOfItems = linksOfItems;
        this.pending = pending;
        this.items = items;
        this.openConflicts = openConflicts;
    }

    /** Reads what the batch's changes will look up, in the transaction that applies them. */
    static ReadLookups read(StoreTx tx, String system, UserMap users, List<Change> changes) {
        if (changes.isEmpty()) {
            return new ReadLookups(tx, system, users, Known.none(), Known.none(), Known.none(), Known.none(),
                    Known.none(), Known.none());
        }
        Set<String> nativeIds = new LinkedHashSet<>();
        changes.forEach(c -> nativeIds.add(c.nativeId()));
        Known<String, Link> links = Known.of(nativeIds, tx.linksByNativeId(system, nativeIds));

        // unlinked objects with a UID may belong to a known item
        Map<UidKey, Item> foundByUid = new HashMap<>();
        Set<UidKey> uidKeys = new LinkedHashSet<>();
        for (Change c : changes) {
            uidKey(c, system, users).filter(k -> !links.found().containsKey(c.nativeId())).ifPresent(uidKeys::add);
        }
        Map<ScopeKey, List<String>> uidsByScope = new LinkedHashMap<>();
        for (UidKey k : uidKeys) {
            uidsByScope.computeIfAbsent(new ScopeKey(k.user(), k.type()), s -> new ArrayList<>()).add(k.uid());
        }
        uidsByScope.forEach((scope, uids) -> tx.itemsByUid(scope.user(), scope.type(), uids)
                .forEach((uid, item) -> foundByUid.put(new UidKey(scope.user(), scope.type(), uid), item)));
        Set<String> candidates = new LinkedHashSet<>();
        foundByUid.values().forEach(i -> candidates.add(i.globalId()));
        Known<String, Link> linksOfItems = Known.of(candidates, tx.linksOfItems(system, candidates));

        // the items of the changes that are not echoes: their pending entry, type and open conflict
        Set<String> referred = new LinkedHashSet<>();
        for (Change c : changes) {
            Optional<Link> link = Optional.ofNullable(links.found().get(c.nativeId()));
            if (!ReadPlanner.needsPending(c, link)) {
                continue;
            }
            Optional<String> g = link.map(Link::globalId).or(() -> uidKey(c, system, users)
                    .map(foundByUid::get)
                    .map(Item::globalId)
                    .filter(id -> !linksOfItems.found().containsKey(id)));
            g.ifPresent(referred::add);
        }
        return new ReadLookups(tx, system, users, links, Known.of(uidKeys, foundByUid), linksOfItems,
                Known.of(referred, tx.pendingOf(system, referred)), Known.of(referred, tx.items(referred)),
                Known.of(referred, tx.openConflictsOf(referred)));
    }

    private static Optional<UidKey> uidKey(Change change, String system, UserMap users) {
        if (!(change instanceof Change.Upsert u) || u.payload().uid().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UidKey(users.canonical(system, u.scope().user()), u.scope().type(), u.payload().uid().get()));
    }

    /** The system's link of this native id, as {@link StoreTx#link} tells now. */
    Optional<Link> link(String nativeId) {
        boolean untouched = !touchedNativeIds.contains(nativeId);
        Optional<Link> known = links.get(nativeId, untouched, id -> tx.link(system, id));
        if (untouched && known.isPresent() && touchedItems.contains(known.get().globalId())) {
            // its item changed since: another native id may have taken its place
            return tx.link(system, nativeId);
        }
        return known;
    }

    /**
     * The known item an unlinked object belongs to by its UID, if the system does not hold that
     * item yet; as {@link StoreTx#itemByUid} and {@link StoreTx#linkOfItem} tell now.
     */
    Optional<String> adoptableItem(Change change) {
        Optional<UidKey> key = uidKey(change, system, users);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        UidKey k = key.get();
        Function<UidKey, Optional<Item>> ask = x -> tx.itemByUid(x.user(), x.type(), x.uid());
        boolean untouched = !touchedUids.contains(k);
        Optional<Item> item = byUid.get(k, untouched, ask);
        if (untouched && item.isPresent() && touchedItems.contains(item.get().globalId())) {
            item = ask.apply(k);
        }
        return item.map(Item::globalId)
                .filter(g -> linksOfItems.get(g, !touchedItems.contains(g), id -> tx.linkOfItem(system, id)).isEmpty());
    }

    /** What is pending for this system of the item, as {@link StoreTx#pending} tells now. */
    Optional<Pending> pending(String globalId) {
        return pending.get(globalId, !touchedItems.contains(globalId), g -> tx.pending(system, g));
    }

    /** As {@link StoreTx#item}; valid for an item the current change has not saved or deleted. */
    Optional<Item> item(String globalId) {
        return items.get(globalId, !touchedItems.contains(globalId), tx::item);
    }

    /** As {@link StoreTx#openConflictOf}; valid until the current change records or closes a conflict of the item. */
    Optional<ConflictRecord> openConflictOf(String globalId) {
        return openConflicts.get(globalId, !touchedItems.contains(globalId), tx::openConflictOf);
    }

    /** After a change: what it may have altered is asked of the store from now on. */
    void touchedObject(String nativeId) {
        touchedNativeIds.add(nativeId);
    }

    void touchedItem(String globalId) {
        touchedItems.add(globalId);
    }

    /** An item with this UID may have been saved (in the scope of the change read). */
    void touchedUid(Change.Upsert change, String uid) {
        touchedUids.add(new UidKey(users.canonical(system, change.scope().user()), change.scope().type(), uid));
    }
}
