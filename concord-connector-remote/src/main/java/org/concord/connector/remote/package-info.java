/**
 * The {@code remote} connector: a system that is a third-party application speaking Concord's
 * remote connector protocol (JSON over HTTP: changes with long polling, set changes, ping),
 * its data in vCard / iCalendar text, JSContact / JSCalendar JSON, or flat records mapped by
 * the system's {@code mapping} settings.
 */
package org.concord.connector.remote;
