/** The subcommands of {@code concord}, one class each. */
package org.concord.app.cli;
