/**
 * What every connector's tests share: the {@link org.concord.testkit.ConnectorContract} suite that
 * each connector subclasses, an in-memory system with fault injection for engine tests, and
 * sample objects.
 */
package org.concord.testkit;
