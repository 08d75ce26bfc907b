/**
 * The conformance suite of the remote connector protocol: runs a checklist against any endpoint
 * (paging, increasing modids, long polling, idempotent creates, updates, deletes, preconditions,
 * conflict copies, error answers) and reports pass or fail per check with the reason.
 */
package org.concord.connector.remote.conformance;
