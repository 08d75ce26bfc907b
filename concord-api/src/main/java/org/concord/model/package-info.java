/**
 * The canonical model: one representation per type of object that every connector converts to
 * and from. Contacts are JSContact cards (RFC 9553), events and tasks JSCalendar objects
 * (RFC 8984), notes a JSCalendar-shaped {@code Note} object. Each is held as its JSON tree, so
 * properties the model does not know travel through untouched, and repeated fields are id-keyed
 * maps, which makes field-level merges natural.
 */
package org.concord.model;
