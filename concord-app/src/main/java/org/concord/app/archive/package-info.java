/**
 * Archiving, the same for the CLI, the REST API and the console: read a message (from a
 * mailbox or a file) into a spooled, parsed {@link org.concord.spi.MailMessage}, check who may
 * archive it, file it to the chosen records of archive targets, and log every filing.
 */
package org.concord.app.archive;
