/**
 * The engine: one reader and one writer per system, the decisions they make (what a change means,
 * who must receive it, how a conflict resolves) and the store transactions that record them.
 *
 * <p>Words as in DESIGN.md: a <em>reader</em> reads a system's feed and, per batch, in one store
 * transaction, finds or creates links, drops echoes, detects conflicts, queues pending entries for
 * every other system and advances the cursor; a <em>writer</em> delivers a system's pending
 * entries with optimistic concurrency and records the new link state. Decisions are pure
 * functions ({@link org.concord.engine.ReadPlanner}, {@link org.concord.engine.ConflictRule});
 * the loops apply them.
 */
package org.concord.engine;
