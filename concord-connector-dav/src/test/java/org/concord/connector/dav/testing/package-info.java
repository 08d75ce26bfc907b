/** Real CalDAV/CardDAV servers (Radicale, Xandikos) started and stopped by the tests, shared by all DAV tests. */
package org.concord.connector.dav.testing;
