package org.concord.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One object that could not be read, converted or written, with the reason. Repeated failures of
 * the same object update one error (count, last seen) rather than piling up.
 *
 * @param objectRef the native id (read errors) or global id (write errors) the error is about
 */
public record SyncError(
        long id,
        String system,
        ErrorPhase phase,
        String objectRef,
        Optional<String> globalId,
        String message,
        Instant firstAt,
        Instant lastAt,
        int count) {}
