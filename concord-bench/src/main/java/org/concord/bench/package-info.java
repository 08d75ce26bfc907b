/** The benchmark command: runs scenarios that measure Concord against its goals, prints a table, writes JSON. */
package org.concord.bench;
