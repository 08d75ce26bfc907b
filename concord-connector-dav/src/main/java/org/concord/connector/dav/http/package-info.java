/** HTTP for DAV systems: the JDK client with timeouts, TLS, Basic auth, size caps and failure classification. */
package org.concord.connector.dav.http;
