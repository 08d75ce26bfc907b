/** Wiring: finds connectors by kind (ServiceLoader), opens the store and builds the engine from a config. */
package org.concord.app.wiring;
