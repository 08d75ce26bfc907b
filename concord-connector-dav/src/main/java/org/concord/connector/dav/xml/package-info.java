/** Safe XML for WebDAV: a StAX reader that refuses DTDs and entities, and the multistatus model. */
package org.concord.connector.dav.xml;
