package org.concord.spi;

/**
 * Where a folder stood at a listing: what the next listing passes back so the server tells only
 * what changed since. Values are the server's (IMAP UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ);
 * {@code highestModSeq} is 0 where the server keeps no modification sequences.
 */
public record FolderState(long uidValidity, long uidNext, long highestModSeq) {}
