package org.concord.server;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concord.engine.Engine;
import org.concord.engine.EngineStatus;
import org.concord.engine.ItemView;
import org.concord.store.ErrorPhase;
import org.concord.store.Store;
import org.concord.store.SyncError;

/**
 * The read and act routes of the API: status, one system and what an admin does to it, sync
 * errors, items and the user map. Every answer is built from the engine's admin operations.
 */
final class AdminApi {
    /** How many errors are looked through for a filtered list. */
    private static final int ERROR_SCAN = 10_000;

    private final Engine engine;
    private final Store store;

    AdminApi(Engine engine, Store store) {
        this.engine = engine;
        this.store = store;
    }

    void register(Router r) {
        r.add("GET", "/api/status", Access.API, ex -> ex.json(200, Views.StatusJson.of(engine.status())));
        r.add("GET", "/api/systems/{name}", Access.API, ex -> ex.json(200, system(ex.param("name"))));
        r.add("POST", "/api/systems/{name}/pause", Access.API, this::pause);
        r.add("POST", "/api/systems/{name}/resume", Access.API, this::resume);
        r.add("POST", "/api/systems/{name}/resync", Access.API, this::resync);
        r.add("POST", "/api/systems/{name}/retry", Access.API, this::retrySystem);
        r.add("GET", "/api/errors", Access.API, this::errors);
        r.add("GET", "/api/errors/{id}", Access.API, this::error);
        r.add("POST", "/api/errors/{id}/retry", Access.API, this::retryError);
        r.add("DELETE", "/api/errors/{id}", Access.API, this::dismissError);
        r.add("GET", "/api/items", Access.API, this::itemOf);
        r.add("GET", "/api/items/{id}", Access.API, this::item);
        r.add("GET", "/api/users", Access.API,
                ex -> ex.json(200, Views.UsersJson.of(engine.systemNames(), engine.users().explicit())));
    }

    private Views.SystemJson system(String name) throws HttpProblem {
        requireSystem(name);
        EngineStatus status = engine.status();
        return status.systems().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> Views.SystemJson.of(s, status.at()))
                .orElseThrow(() -> HttpProblem.notFound("no system named '" + name + "'"));
    }

    private void pause(Exchange ex) throws Exception {
        String name = requireSystem(ex.param("name"));
        engine.pause(name);
        ex.json(200, system(name));
    }

    private void resume(Exchange ex) throws Exception {
        String name = requireSystem(ex.param("name"));
        engine.resume(name);
        ex.json(200, system(name));
    }

    private void resync(Exchange ex) throws Exception {
        String name = requireSystem(ex.param("name"));
        engine.requestResync(name);
        ex.json(202, new Views.Accepted("system '" + name + "' will be read again fully and reconciled"));
    }

    private void retrySystem(Exchange ex) throws Exception {
        String name = requireSystem(ex.param("name"));
        int n = engine.retryNow(Optional.of(name));
        ex.json(202, new Views.Accepted(n + " deferred " + (n == 1 ? "entry" : "entries") + " of '" + name + "' due now"));
    }

    private void errors(Exchange ex) throws Exception {
        Optional<String> system = ex.query("system");
        if (system.isPresent()) {
            requireSystem(system.get());
        }
        Optional<ErrorPhase> phase = ex.query("phase").map(p -> p.toLowerCase(Locale.ROOT)).map(p -> {
            try {
                return ErrorPhase.byCode(p);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
        if (ex.query("phase").isPresent() && phase.isEmpty()) {
            throw HttpProblem.badRequest("query parameter phase must be read or write");
        }
        Optional<String> text = ex.query("q").map(q -> q.toLowerCase(Locale.ROOT));
        int limit = ex.intQuery("limit", 100, 1, 1000);
        List<Views.ErrorJson> out = engine.errors(system, ERROR_SCAN).stream()
                .filter(e -> phase.isEmpty() || e.phase() == phase.get())
                .filter(e -> text.isEmpty() || mentions(e, text.get()))
                .limit(limit)
                .map(Views.ErrorJson::of)
                .toList();
        ex.json(200, out);
    }

    private static boolean mentions(SyncError e, String text) {
        return e.objectRef().toLowerCase(Locale.ROOT).contains(text)
                || e.message().toLowerCase(Locale.ROOT).contains(text)
                || e.globalId().map(g -> g.toLowerCase(Locale.ROOT).contains(text)).orElse(false);
    }

    private void error(Exchange ex) throws Exception {
        long id = ex.longParam("id");
        SyncError e = store.read(tx -> tx.error(id))
                .orElseThrow(() -> HttpProblem.notFound("no sync error " + id + " (it may have been dismissed or fixed)"));
        Views.ItemJson item = e.globalId().flatMap(engine::item).map(Views.ItemJson::of).orElse(null);
        ex.json(200, new Views.ErrorDetailJson(Views.ErrorJson.of(e), item));
    }

    private void retryError(Exchange ex) throws Exception {
        long id = ex.longParam("id");
        if (!engine.retryError(id)) {
            throw HttpProblem.notFound("no sync error " + id + " (it may have been dismissed or fixed)");
        }
        ex.json(202, new Views.Accepted("sync error " + id + ": the object is tried again now"));
    }

    private void dismissError(Exchange ex) throws Exception {
        long id = ex.longParam("id");
        if (!engine.dismissError(id)) {
            throw HttpProblem.notFound("no sync error " + id);
        }
        ex.noContent();
    }

    private void item(Exchange ex) throws Exception {
        String id = ex.param("id");
        ItemView v = engine.item(id).orElseThrow(() -> HttpProblem.notFound("no item with global id '" + id + "'"));
        ex.json(200, Views.ItemJson.of(v));
    }

    private void itemOf(Exchange ex) throws Exception {
        String system = ex.query("system").orElseThrow(() ->
                HttpProblem.badRequest("give system and nativeId, or ask for /api/items/{id} by global id"));
        String nativeId = ex.query("nativeId").orElseThrow(() ->
                HttpProblem.badRequest("give nativeId, the object's id in system '" + system + "'"));
        requireSystem(system);
        ItemView v = engine.itemOf(system, nativeId).orElseThrow(() ->
                HttpProblem.notFound("system '" + system + "' has no object '" + nativeId + "' that the hub knows"));
        ex.json(200, Views.ItemJson.of(v));
    }

    private String requireSystem(String name) throws HttpProblem {
        List<String> names = engine.systemNames();
        if (!names.contains(name)) {
            throw HttpProblem.notFound("no system named '" + name + "'; systems: " + String.join(", ", names));
        }
        return name;
    }
}
