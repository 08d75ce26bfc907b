package org.concord.engine;

import java.util.List;
import org.concord.store.HistoryEntry;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;

/** Where an item lives in every system (its links), what is still pending for it, and its recent history. */
public record ItemView(Item item, List<Link> links, List<Pending> pending, List<HistoryEntry> history) {}
