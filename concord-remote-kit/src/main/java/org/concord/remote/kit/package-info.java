/**
 * The connector kit: an application implements {@link org.concord.remote.kit.RemoteApplication}
 * (changes since a modification id, set changes, describe) and {@link org.concord.remote.kit.KitServer}
 * serves it to Concord over the remote connector protocol, handling HTTP, JSON, authentication,
 * long polling, paging and problem details.
 *
 * <p>Vocabulary: a <em>modid</em> (modification id) marks one change in the application's change
 * feed and increases with every change; an <em>object</em> is one contact, event, task or note
 * in the application, named by its id and carrying a version; a <em>client reference</em> is
 * Concord's global id of the item a write belongs to, which makes a repeated create harmless.
 */
package org.concord.remote.kit;
