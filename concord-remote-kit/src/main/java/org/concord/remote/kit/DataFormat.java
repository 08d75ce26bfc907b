package org.concord.remote.kit;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an application writes the {@code data} of one type of object. Wire codes are part of the
 * protocol.
 */
public enum DataFormat {
    /** A JSContact card (RFC 9553) as a JSON object. */
    JSCONTACT("jscontact"),
    /** A JSCalendar object (RFC 8984) as a JSON object. */
    JSCALENDAR("jscalendar"),
    /** vCard text (3.0 or 4.0) as a JSON string. */
    VCARD("vcard"),
    /** iCalendar text (one VCALENDAR) as a JSON string. */
    ICALENDAR("icalendar"),
    /** The application's own flat JSON object; Concord maps its fields with a mapping kept in its config. */
    RECORD("record");

    private final String code;

    DataFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether {@code data} of this format is text (a JSON string) rather than a JSON object. */
    public boolean isText() {
        return this == VCARD || this == ICALENDAR;
    }

    public static Optional<DataFormat> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
