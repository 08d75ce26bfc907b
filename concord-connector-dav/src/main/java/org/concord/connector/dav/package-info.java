/**
 * The {@code dav} connector: CardDAV and CalDAV servers (Radicale, Xandikos, Nextcloud, SOGo, …)
 * as systems, with discovery, an RFC 6578 change feed, and conditional writes.
 */
package org.concord.connector.dav;
