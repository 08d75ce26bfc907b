package org.concord.connector.dav;

/** Realistic vCard and iCalendar text for volume tests: recurring events with exceptions, several time zones. */
final class Corpus {
    private Corpus() {}

    static String contact(int n) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:contact-" + n + "\r\nFN:Person " + n + "\r\nN:" + n + ";Person;;;\r\n"
                + "EMAIL;TYPE=work:person" + n + "@example.org\r\nTEL;TYPE=cell:+49 30 " + (100000 + n) + "\r\n"
                + "ORG:Example " + (n % 37) + "\r\nADR;TYPE=work:;;Street " + n + ";Berlin;;10115;Germany\r\n"
                + "NOTE:Met at conference " + (n % 11) + "\\, follow up\r\nEND:VCARD\r\n";
    }

    private static final String[][] ZONES = {
        {"Europe/Berlin", "+0100", "+0200", "CET", "CEST"},
        {"America/New_York", "-0500", "-0400", "EST", "EDT"},
        {"Asia/Tokyo", "+0900", "+0900", "JST", "JST"},
    };

    static String event(int n) {
        String[] z = ZONES[n % ZONES.length];
        String day = String.format("%02d", 1 + n % 28);
        String month = String.format("%02d", 1 + n % 12);
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//Corpus//EN\r\n");
        b.append("BEGIN:VTIMEZONE\r\nTZID:").append(z[0]).append("\r\n")
                .append("BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:").append(z[2]).append("\r\nTZOFFSETTO:")
                .append(z[1]).append("\r\nTZNAME:").append(z[3]).append("\r\nEND:STANDARD\r\n");
        if (!z[1].equals(z[2])) {
            b.append("BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:").append(z[1]).append("\r\nTZOFFSETTO:")
                    .append(z[2]).append("\r\nTZNAME:").append(z[4]).append("\r\nEND:DAYLIGHT\r\n");
        }
        b.append("END:VTIMEZONE\r\n");
        String start = "2026" + month + day + "T" + String.format("%02d", 8 + n % 9) + "0000";
        b.append("BEGIN:VEVENT\r\nUID:event-").append(n).append("\r\nDTSTAMP:20260101T000000Z\r\n")
                .append("DTSTART;TZID=").append(z[0]).append(':').append(start).append("\r\n")
                .append("DURATION:PT1H\r\nSUMMARY:Meeting ").append(n).append("\r\nLOCATION:Room ").append(n % 20).append("\r\n");
        boolean recurring = n % 4 == 0;
        if (recurring) {
            b.append("RRULE:FREQ=WEEKLY;COUNT=10\r\n");
        }
        b.append("END:VEVENT\r\n");
        if (recurring) {
            String second = "2026" + month + day + "T" + String.format("%02d", 8 + n % 9) + "0000";
            b.append("BEGIN:VEVENT\r\nUID:event-").append(n).append("\r\nDTSTAMP:20260101T000000Z\r\n")
                    .append("RECURRENCE-ID;TZID=").append(z[0]).append(':').append(second).append("\r\n")
                    .append("DTSTART;TZID=").append(z[0]).append(':').append(second.replace("0000", "3000")).append("\r\n")
                    .append("DURATION:PT30M\r\nSUMMARY:Meeting ").append(n).append(" (moved)\r\nEND:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }
}
