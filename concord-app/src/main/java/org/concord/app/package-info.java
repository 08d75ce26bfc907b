/** The runnable application: the command line, the config file, and the wiring of connectors, store and engine. */
package org.concord.app;
