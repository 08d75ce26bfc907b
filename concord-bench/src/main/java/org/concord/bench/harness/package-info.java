/** Pieces the end-to-end scenarios share: an engine on a fresh store, timed connectors, paced injection. */
package org.concord.bench.harness;
