/**
 * Codecs between native formats and the canonical model: vCard 2.1/3.0/4.0 ↔ JSContact
 * ({@link org.concord.codec.VCardCodec}, RFC 9555) and iCalendar ↔ JSCalendar
 * ({@link org.concord.codec.ICalCodec}, RFC 8984), lenient on reading, lossless through
 * {@code vCardProps} / {@code iCalProps} for what the model does not map.
 */
package org.concord.codec;
