/**
 * The table mapping of the jdbc connector: which table holds which type, which column holds which
 * canonical field and how its value converts, and the pure conversion between a row and a payload;
 * and the archive layout, which tables archived e-mail goes into. Nothing here touches a database.
 */
package org.concord.connector.jdbc.mapping;
