package org.concord.spi;

/**
 * What the hub last synced with a system for one object: its native version and the content
 * hash of the payload. Connectors that detect changes by listing compare against this.
 */
public record KnownObject(Scope scope, String nativeId, String version, String contentHash) {}
