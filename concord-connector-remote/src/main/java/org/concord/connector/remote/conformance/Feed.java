package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the feed page by page, checking each answer's shape; the checks judge order and paging. */
final class Feed {
    static final int MAX_PAGES = 500;

    private final Probe probe;
    private final String comparison;

    Feed(Probe probe, String comparison) {
        this.probe = probe;
        this.comparison = comparison;
    }

    /** One page as answered, with the {@code since} it was asked from. */
    record Page(Optional<String> since, List<JsonNode> changes, Optional<String> next, boolean more, long millis) {}

    Comparator<String> order() {
        return comparison.equals("integer") ? Comparator.comparing(s -> new BigInteger(s.trim())) : Comparator.naturalOrder();
    }

    boolean isValid(String modid) {
        return comparison.equals("integer") ? modid.trim().matches("-?[0-9]+") : !modid.isEmpty();
    }

    Page page(Optional<String> since, int limit, int waitSeconds, boolean complete, Duration timeout) throws CheckFailed {
        StringBuilder q = new StringBuilder("changes?limit=").append(limit);
        since.ifPresent(s -> q.append("&since=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)));
        if (waitSeconds > 0) {
            q.append("&wait=").append(waitSeconds);
        }
        if (complete) {
            q.append("&complete=true");
        }
        Probe.Answer a = probe.get(q.toString(), timeout);
        String call = "GET " + q;
        if (a.status() != 200) {
            throw new CheckFailed(call + " answered HTTP " + a.status() + ": " + a.excerpt());
        }
        JsonNode body = a.json().orElseThrow(() -> new CheckFailed(call + " answered no JSON: " + a.excerpt()));
        if (!body.path("changes").isArray()) {
            throw new CheckFailed(call + " answered no 'changes' array");
        }
        if (!body.path("more").isBoolean()) {
            throw new CheckFailed(call + " answered no boolean 'more'");
        }
        JsonNode next = body.get("next");
        if (next == null || !(next.isNull() || next.isTextual())) {
            throw new CheckFailed(call + " answered no 'next' (a modid string, or null before the first change)");
        }
        List<JsonNode> changes = new ArrayList<>();
        for (int i = 0; i < body.get("changes").size(); i++) {
            JsonNode c = body.get("changes").get(i);
            for (String member : List.of("modid", "user", "type", "id", "op")) {
                if (!c.path(member).isTextual() || c.path(member).asText().isEmpty()) {
                    throw new CheckFailed(call + ": changes[" + i + "]." + member + " is missing or not a non-empty string");
                }
            }
            if (!isValid(c.get("modid").asText())) {
                throw new CheckFailed(call + ": changes[" + i + "].modid '" + c.get("modid").asText()
                        + "' does not compare as " + comparison + ", as the ping declares");
            }
            String op = c.get("op").asText();
            if (!op.equals("upsert") && !op.equals("delete")) {
                throw new CheckFailed(call + ": changes[" + i + "].op is '" + op + "', not upsert or delete");
            }
            if (op.equals("upsert") && (c.get("data") == null || c.get("data").isNull())) {
                throw new CheckFailed(call + ": changes[" + i + "] is an upsert without data");
            }
            changes.add(c);
        }
        Optional<String> nextModid = next.isNull() ? Optional.empty() : Optional.of(next.asText());
        return new Page(since, changes, nextModid, body.get("more").asBoolean(), a.millis());
    }

    /** Follows {@code next} until {@code more} is false. */
    List<Page> all(Optional<String> since, int limit, boolean complete) throws CheckFailed {
        List<Page> pages = new ArrayList<>();
        Optional<String> at = since;
        for (int n = 0; n < MAX_PAGES; n++) {
            Page p = page(at, limit, 0, complete, Duration.ofSeconds(30));
            if (at.isPresent()) {
                for (JsonNode c : p.changes()) {
                    if (order().compare(c.get("modid").asText(), at.get()) <= 0) {
                        throw new CheckFailed("GET changes (since " + at.get() + ", limit " + limit + ") returned modid "
                                + c.get("modid").asText() + ", which is not after since: the endpoint ignores since");
                    }
                }
            }
            pages.add(p);
            if (!p.more()) {
                return pages;
            }
            if (p.next().isEmpty() || p.next().equals(at)) {
                throw new CheckFailed("GET changes (since " + at.orElse("the start") + ", limit " + limit
                        + ") answered more=true but its next did not move past since: following it would loop");
            }
            at = p.next();
        }
        throw new CheckFailed("the feed did not end within " + MAX_PAGES + " pages of " + limit
                + " changes; run the suite against a test instance with little data");
    }

    static List<JsonNode> changes(List<Page> pages) {
        List<JsonNode> all = new ArrayList<>();
        pages.forEach(p -> all.addAll(p.changes()));
        return all;
    }

    /** The modid to continue from after these pages. */
    static Optional<String> end(List<Page> pages, Optional<String> since) {
        Page last = pages.getLast();
        if (last.next().isPresent()) {
            return last.next();
        }
        return last.changes().isEmpty() ? since : Optional.of(last.changes().getLast().get("modid").asText());
    }
}
