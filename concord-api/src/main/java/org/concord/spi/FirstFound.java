package org.concord.spi;

/** Ends the visit {@link KnownObjects#isEmpty()} starts, at its first object; no stack trace, as nothing failed. */
final class FirstFound extends RuntimeException {
    static final FirstFound INSTANCE = new FirstFound();

    private FirstFound() {
        super("the first known object was found", null, false, false);
    }
}
