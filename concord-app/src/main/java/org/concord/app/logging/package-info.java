/** How the {@code concord} command logs: one line per event to stderr, set up without a configuration file. */
package org.concord.app.logging;
