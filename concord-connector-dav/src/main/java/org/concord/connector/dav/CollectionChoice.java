package org.concord.connector.dav;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;

/**
 * Which collection holds a user's objects of one type: a pure decision from what the config says
 * and what the server has, so it is tested without a server.
 */
sealed interface CollectionChoice {

    record Use(RemoteCollection collection) implements CollectionChoice {}

    /** Nothing fits and the config allows creating it here. */
    record Create(URI uri, String displayName) implements CollectionChoice {}

    /** Nothing fits and nothing may be created: why, in words an administrator can act on. */
    record Missing(String reason) implements CollectionChoice {}

    /** Names that a collection meant for a type commonly has, in order of preference. */
    Map<ItemType, List<String>> CONVENTIONAL = Map.of(
            ItemType.CONTACT, List.of("contacts", "addressbook", "default", "personal"),
            ItemType.EVENT, List.of("calendar", "personal", "default", "home"),
            ItemType.TASK, List.of("tasks", "todo", "todos", "reminders"),
            ItemType.NOTE, List.of("notes", "journal"));

    /**
     * @param spec what the config names, if anything
     * @param found the collections in the user's homes, plus the one at a configured path if it exists
     * @param home where a new collection is created
     */
    static CollectionChoice choose(ItemType type, Optional<CollectionSpec> spec, List<RemoteCollection> found, URI home,
                                   boolean mayCreate) {
        String what = type == ItemType.CONTACT ? "address book" : "calendar accepting " + RemoteCollection.component(type);
        if (spec.isPresent() && spec.get() instanceof CollectionSpec.ByPath byPath) {
            URI uri = home.resolve(byPath.path());
            Optional<RemoteCollection> at = found.stream().filter(c -> c.path().equals(uri.getPath())).findFirst();
            if (at.isPresent()) {
                return at.get().accepts(type) ? new Use(at.get())
                        : new Missing("collection " + uri.getPath() + " is not an " + what);
            }
            return mayCreate ? new Create(uri, lastSegment(uri.getPath()))
                    : new Missing("no " + what + " at " + uri.getPath() + "; create it or set create-collections: true");
        }
        if (spec.isPresent() && spec.get() instanceof CollectionSpec.ByName byName) {
            List<RemoteCollection> named = found.stream().filter(byName::matches).toList();
            Optional<RemoteCollection> fitting = named.stream().filter(c -> c.accepts(type))
                    .min(Comparator.comparing(RemoteCollection::path));
            if (fitting.isPresent()) {
                return new Use(fitting.get());
            }
            if (!named.isEmpty()) {
                return new Missing("collection '" + byName.name() + "' (" + named.getFirst().path() + ") is not an " + what);
            }
            return mayCreate ? new Create(home.resolve(slug(byName.name()) + "/"), byName.name())
                    : new Missing("no " + what + " named '" + byName.name() + "'; create it or set create-collections: true");
        }
        List<String> conventional = CONVENTIONAL.get(type);
        Optional<RemoteCollection> best = found.stream().filter(c -> c.accepts(type)).min(Comparator
                .comparing((RemoteCollection c) -> !c.dedicatedTo(type) && type != ItemType.EVENT && type != ItemType.CONTACT)
                .thenComparing(c -> rank(conventional, c))
                .thenComparing(RemoteCollection::path));
        if (best.isPresent()) {
            return new Use(best.get());
        }
        String name = type.defaultCollection();
        Set<String> taken = Set.copyOf(found.stream().map(RemoteCollection::segment).toList());
        String segment = taken.contains(name) ? name + "-" + type.code() : name;
        return mayCreate ? new Create(home.resolve(segment + "/"), name)
                : new Missing("no " + what + " found; create one, name one in collections." + type.code()
                        + ", or set create-collections: true");
    }

    private static int rank(List<String> conventional, RemoteCollection c) {
        for (int i = 0; i < conventional.size(); i++) {
            String n = conventional.get(i);
            if (c.segment().equalsIgnoreCase(n) || c.displayName().equalsIgnoreCase(n)) {
                return i;
            }
        }
        return conventional.size();
    }

    private static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** A path segment from a display name: lower case letters, digits and dashes. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "collection" : s;
    }
}
