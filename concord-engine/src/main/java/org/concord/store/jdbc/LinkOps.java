package org.concord.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.concord.model.ItemType;
import org.concord.spi.KnownObject;
import org.concord.spi.Scope;
import org.concord.store.Item;
import org.concord.store.Link;

/** Items and their links. */
final class LinkOps {

    private static final String ITEM =
            "SELECT global_id, user_name, item_type, uid, created_at FROM items WHERE global_id = :globalId";
    private static final String ITEM_BY_UID = """
            SELECT global_id, user_name, item_type, uid, created_at FROM items
            WHERE user_name = :user AND item_type = :type AND uid = :uid
            ORDER BY created_at LIMIT 1""";
    private static final String SAVE_ITEM = """
            INSERT INTO items (global_id, user_name, item_type, uid, created_at)
            VALUES (:globalId, :user, :type, :uid, :createdAt)
            ON CONFLICT (global_id) DO UPDATE SET
                user_name = excluded.user_name, item_type = excluded.item_type, uid = excluded.uid,
                created_at = excluded.created_at""";
    private static final String DELETE_PENDING_OF_ITEM = "DELETE FROM pending WHERE global_id = :globalId";
    private static final String DELETE_LINKS_OF_ITEM = "DELETE FROM links WHERE global_id = :globalId";
    private static final String DELETE_ITEM = "DELETE FROM items WHERE global_id = :globalId";

    private static final String LINK_COLUMNS = """
            system_name, native_id, global_id, user_name, item_type, version, content_hash, field_hashes, synced_at""";
    private static final String LINK = "SELECT " + LINK_COLUMNS
            + " FROM links WHERE system_name = :system AND native_id = :nativeId";
    private static final String LINK_OF_ITEM = "SELECT " + LINK_COLUMNS
            + " FROM links WHERE global_id = :globalId AND system_name = :system";
    private static final String LINKS_OF_ITEM = "SELECT " + LINK_COLUMNS
            + " FROM links WHERE global_id = :globalId ORDER BY system_name";
    /** Native ids looked up per statement: a page of a listing takes a few. */
    static final int IDS_PER_LOOKUP = 64;
    /** What a listing compares against: no item id, no field hashes. */
    private static final String KNOWN_COLUMNS = "native_id, user_name, item_type, version, content_hash";
    private static final String KNOWN_BY_NATIVE_ID = "SELECT " + KNOWN_COLUMNS
            + " FROM links WHERE system_name = :system AND native_id IN ("
            + IntStream.range(0, IDS_PER_LOOKUP).mapToObj(i -> ":id" + i).collect(Collectors.joining(", ")) + ")";
    private static final String KNOWN_OF_SYSTEM = "SELECT " + KNOWN_COLUMNS + " FROM links WHERE system_name = :system";
    private static final String[] ID_PARAMETERS = IntStream.range(0, IDS_PER_LOOKUP)
            .mapToObj(i -> ("id" + i).intern()).toArray(String[]::new);
    private static final String LINKS_OF_SYSTEM = "SELECT " + LINK_COLUMNS + " FROM links WHERE system_name = :system";
    private static final String COUNT_LINKS = "SELECT COUNT(*) AS n FROM links WHERE system_name = :system";
    /** A system holds an item once: a link of the item under another native id gives way. */
    private static final String DELETE_OTHER_LINK_OF_ITEM = """
            DELETE FROM links WHERE global_id = :globalId AND system_name = :system AND native_id <> :nativeId""";
    private static final String SAVE_LINK = """
            INSERT INTO links (system_name, native_id, global_id, user_name, item_type, version, content_hash,
                               field_hashes, synced_at)
            VALUES (:system, :nativeId, :globalId, :user, :type, :version, :contentHash, :fieldHashes, :syncedAt)
            ON CONFLICT (system_name, native_id) DO UPDATE SET
                global_id = excluded.global_id, user_name = excluded.user_name, item_type = excluded.item_type,
                version = excluded.version, content_hash = excluded.content_hash,
                field_hashes = excluded.field_hashes, synced_at = excluded.synced_at""";
    /** Both in one round trip, where the database takes several statements at once. */
    private static final String REPLACE_LINK = DELETE_OTHER_LINK_OF_ITEM + ";\n" + SAVE_LINK;
    /**
     * The common case, a link saved again with a new synced state: one statement that leaves the
     * columns of the keys and the reference to the item alone, where rewriting them costs SQLite
     * index and foreign-key work. It changes nothing (and the full save follows) unless the row
     * exists for the same item, user and type.
     */
    private static final String SAVE_LINK_STATE = """
            UPDATE links SET version = :version, content_hash = :contentHash, field_hashes = :fieldHashes,
                             synced_at = :syncedAt
            WHERE system_name = :system AND native_id = :nativeId AND global_id = :globalId AND user_name = :user
              AND item_type = :type""";
    private static final String DELETE_LINK = "DELETE FROM links WHERE system_name = :system AND native_id = :nativeId";

    private final Session session;

    LinkOps(Session session) {
        this.session = session;
    }

    Optional<Item> item(String globalId) {
        try (ResultSet rows = session.query(ITEM).text("globalId", globalId).rows()) {
            return rows.next() ? Optional.of(item(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading item " + globalId, e);
        }
    }

    Optional<Item> itemByUid(String user, ItemType type, String uid) {
        try (ResultSet rows = session.query(ITEM_BY_UID).text("user", user).text("type", type.code()).text("uid", uid).rows()) {
            return rows.next() ? Optional.of(item(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("finding the " + type.code() + " of " + user + " with UID " + uid, e);
        }
    }

    private static Item item(ResultSet rows) throws SQLException {
        return new Item(rows.getString("global_id"), rows.getString("user_name"), Rows.itemType(rows, "item_type"),
                Optional.ofNullable(rows.getString("uid")), Rows.instant(rows, "created_at"));
    }

    void saveItem(Item item) {
        try {
            session.query(SAVE_ITEM)
                    .text("globalId", item.globalId())
                    .text("user", item.user())
                    .text("type", item.type().code())
                    .text("uid", item.uid())
                    .instant("createdAt", item.createdAt())
                    .update();
        } catch (SQLException e) {
            throw session.failure("saving item " + item.globalId(), e);
        }
    }

    void deleteItem(String globalId) {
        try {
            session.query(DELETE_PENDING_OF_ITEM).text("globalId", globalId).update();
            session.query(DELETE_LINKS_OF_ITEM).text("globalId", globalId).update();
            session.query(DELETE_ITEM).text("globalId", globalId).update();
        } catch (SQLException e) {
            throw session.failure("deleting item " + globalId, e);
        }
    }

    Optional<Link> link(String system, String nativeId) {
        try (ResultSet rows = session.query(LINK).text("system", system).text("nativeId", nativeId).rows()) {
            return rows.next() ? Optional.of(link(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading the link of " + system + " object " + nativeId, e);
        }
    }

    Map<String, KnownObject> knownObjects(String system, Collection<String> nativeIds) {
        Map<String, KnownObject> found = new HashMap<>();
        List<String> ids = List.copyOf(nativeIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP));
            try {
                Query query = session.query(KNOWN_BY_NATIVE_ID).text("system", system);
                for (int i = 0; i < IDS_PER_LOOKUP; i++) {
                    // a short chunk repeats its first id: the statement keeps one shape
                    query.text(ID_PARAMETERS[i], chunk.get(i < chunk.size() ? i : 0));
                }
                try (ResultSet rows = query.rows()) {
                    while (rows.next()) {
                        KnownObject k = known(rows);
                        found.put(k.nativeId(), k);
                    }
                }
            } catch (SQLException e) {
                throw session.failure("reading the links of " + chunk.size() + " " + system + " objects", e);
            }
        }
        return found;
    }

    void forEachKnownObject(String system, Consumer<KnownObject> visitor) {
        try (PreparedStatement statement = session.streaming(KNOWN_OF_SYSTEM)) {
            statement.setString(1, system);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    visitor.accept(known(rows));
                }
            }
        } catch (SQLException e) {
            throw session.failure("reading the links of " + system, e);
        }
    }

    private static KnownObject known(ResultSet rows) throws SQLException {
        return new KnownObject(new Scope(rows.getString("user_name"), Rows.itemType(rows, "item_type")),
                rows.getString("native_id"), rows.getString("version"), rows.getString("content_hash"));
    }

    Optional<Link> linkOfItem(String system, String globalId) {
        try (ResultSet rows = session.query(LINK_OF_ITEM).text("globalId", globalId).text("system", system).rows()) {
            return rows.next() ? Optional.of(link(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading the link of item " + globalId + " in " + system, e);
        }
    }

    List<Link> links(String globalId) {
        try (ResultSet rows = session.query(LINKS_OF_ITEM).text("globalId", globalId).rows()) {
            List<Link> links = new ArrayList<>();
            while (rows.next()) {
                links.add(link(rows));
            }
            return links;
        } catch (SQLException e) {
            throw session.failure("reading the links of item " + globalId, e);
        }
    }

    void saveLink(Link link) {
        try {
            String fieldHashes = FieldHashes.toJson(link.fieldHashes());
            if (session.backend().runsStatementsTogether()) {
                bind(session.query(REPLACE_LINK), link, fieldHashes).update();
            } else if (bind(session.query(SAVE_LINK_STATE), link, fieldHashes).update() == 0) {
                // a new link, or a native id pointed at another item (when the update hits, the row
                // holds this item already, and no other link of the item in the system can exist)
                session.query(DELETE_OTHER_LINK_OF_ITEM)
                        .text("globalId", link.globalId())
                        .text("system", link.system())
                        .text("nativeId", link.nativeId())
                        .update();
                bind(session.query(SAVE_LINK), link, fieldHashes).update();
            }
        } catch (SQLException e) {
            throw session.failure("saving the link of " + link.system() + " object " + link.nativeId(), e);
        }
    }

    private static Query bind(Query query, Link link, String fieldHashes) throws SQLException {
        return query.text("system", link.system())
                .text("nativeId", link.nativeId())
                .text("globalId", link.globalId())
                .text("user", link.user())
                .text("type", link.type().code())
                .text("version", link.version())
                .text("contentHash", link.contentHash())
                .text("fieldHashes", fieldHashes)
                .instant("syncedAt", link.syncedAt());
    }

    void deleteLink(String system, String nativeId) {
        try {
            session.query(DELETE_LINK).text("system", system).text("nativeId", nativeId).update();
        } catch (SQLException e) {
            throw session.failure("deleting the link of " + system + " object " + nativeId, e);
        }
    }

    /** Streams rows with a cursor of the backend's fetch size: a million links need no more memory than a few. */
    void forEachLink(String system, Consumer<Link> visitor) {
        try (PreparedStatement statement = session.streaming(LINKS_OF_SYSTEM)) {
            statement.setString(1, system);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    visitor.accept(link(rows));
                }
            }
        } catch (SQLException e) {
            throw session.failure("reading the links of " + system, e);
        }
    }

    long countLinks(String system) {
        try (ResultSet rows = session.query(COUNT_LINKS).text("system", system).rows()) {
            rows.next();
            return rows.getLong("n");
        } catch (SQLException e) {
            throw session.failure("counting the links of " + system, e);
        }
    }

    private static Link link(ResultSet rows) throws SQLException {
        return new Link(
                rows.getString("system_name"),
                rows.getString("native_id"),
                rows.getString("global_id"),
                rows.getString("user_name"),
                Rows.itemType(rows, "item_type"),
                rows.getString("version"),
                rows.getString("content_hash"),
                FieldHashes.fromJson(rows.getString("field_hashes")),
                Rows.instant(rows, "synced_at"));
    }
}
