/**
 * The example connector: a standalone program that makes one MariaDB table of contacts a Concord
 * system through the connector kit, with triggers that write a change log with an increasing
 * modification id.
 */
package org.concord.example;
