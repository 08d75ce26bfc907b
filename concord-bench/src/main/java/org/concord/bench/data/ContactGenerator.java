package org.concord.bench.data;

import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic contacts as vCard 3.0 text, the same for the same index on every run: name,
 * organisation and title, two or three e-mail addresses and phone numbers, a postal address,
 * birthday, web site, categories and a note, 1–2 KB each; one in {@value #PHOTO_EVERY} carries a
 * small JPEG photo (4–10 KB of base64), as address books exported from phones do.
 */
public final class ContactGenerator {

    public static final int PHOTO_EVERY = 20;

    private static final String[] GIVEN = {"Anna", "Bernd", "Chiara", "Dmitri", "Elif", "François", "Grete", "Hiroshi",
        "Ines", "Jonas", "Katarzyna", "Lars", "Mónica", "Nils", "Olga", "Pedro", "Quentin", "Rosa", "Søren", "Tomás"};
    private static final String[] FAMILY = {"Müller", "Schmidt", "Rossi", "Nowak", "García", "Dubois", "Jensen",
        "Novák", "Kowalski", "Yılmaz", "Tanaka", "O'Brien", "van der Berg", "Lindqvist", "Papadopoulos", "Silva"};
    private static final String[] ORGS = {"Acme Logistics GmbH", "Nordlicht Software AG", "Studio Bellavista S.r.l.",
        "Kraków Precision Tools", "Atlantic Freight Ltd", "Bäckerei Sonnenschein", "Hôtel du Parc", "Fjord Energy AS"};
    private static final String[] TITLES = {"Head of Purchasing", "Account Manager", "CTO", "Office Manager",
        "Project Lead", "Sales Engineer", "Managing Director", "Controller"};
    private static final String[] CITIES = {"Berlin;;10115;Germany", "Milano;;20121;Italy", "Kraków;;30-001;Poland",
        "Lyon;;69001;France", "Aarhus;;8000;Denmark", "Porto;;4000-001;Portugal", "Wien;;1010;Austria"};
    private static final String[] WORDS = ("met at the trade fair in spring; prefers calls in the morning; "
            + "invoices go to the accounting address; ask about the new framework contract; "
            + "speaks German, English and some French; birthday card every year; "
            + "reference customer for the northern region; keep informed about delivery delays").split(" ");

    private ContactGenerator() {}

    /** The UID of contact {@code i}. */
    public static String uid(int i) {
        return String.format(Locale.ROOT, "bench-%08d-%04x", i, (i * 2654435761L) & 0xffff);
    }

    /** The file name stem a folder holds contact {@code i} under. */
    public static String fileStem(int i) {
        return uid(i);
    }

    /** Contact {@code i}; {@code edit} above zero changes the note and the title, as a user's edit would. */
    public static String vcard(int i, int edit) {
        SplittableRandom r = new SplittableRandom(0x5EED_0000L + i);
        String given = pick(r, GIVEN);
        String family = pick(r, FAMILY);
        String org = pick(r, ORGS);
        StringBuilder v = new StringBuilder(2048);
        line(v, "BEGIN:VCARD");
        line(v, "VERSION:3.0");
        line(v, "PRODID:-//Concord//bench//EN");
        line(v, "UID:" + uid(i));
        line(v, "FN:" + given + " " + family + (edit > 0 ? " (" + edit + ")" : ""));
        line(v, "N:" + escape(family) + ";" + escape(given) + ";;;");
        line(v, "ORG:" + escape(org) + ";" + (r.nextBoolean() ? "Purchasing" : "Sales"));
        line(v, "TITLE:" + escape(pick(r, TITLES)) + (edit > 0 ? " " + edit : ""));
        String mailName = ascii(given) + "." + ascii(family);
        line(v, "EMAIL;TYPE=INTERNET,WORK:" + mailName + "@" + domain(org));
        line(v, "EMAIL;TYPE=INTERNET,HOME:" + mailName + i + "@mail.example.net");
        if (r.nextBoolean()) {
            line(v, "EMAIL;TYPE=INTERNET:" + ascii(given) + "@" + ascii(family) + ".example.org");
        }
        line(v, "TEL;TYPE=WORK,VOICE:+49 30 " + (1_000_000 + r.nextInt(8_999_999)));
        line(v, "TEL;TYPE=CELL:+49 171 " + (1_000_000 + r.nextInt(8_999_999)));
        if (r.nextBoolean()) {
            line(v, "TEL;TYPE=HOME,VOICE:+39 02 " + (1_000_000 + r.nextInt(8_999_999)));
        }
        String[] city = pick(r, CITIES).split(";", -1);
        line(v, "ADR;TYPE=WORK:;;" + (1 + r.nextInt(200)) + " " + pick(r, FAMILY) + "straße;" + city[0] + ";" + city[1]
                + ";" + city[2] + ";" + city[3]);
        line(v, "BDAY:" + (1950 + r.nextInt(50)) + "-" + two(1 + r.nextInt(12)) + "-" + two(1 + r.nextInt(28)));
        line(v, "URL:https://www." + domain(org) + "/team/" + ascii(family).toLowerCase(Locale.ROOT));
        line(v, "CATEGORIES:" + (r.nextBoolean() ? "Customers" : "Suppliers") + "," + (r.nextBoolean() ? "VIP" : "Region North"));
        StringBuilder note = new StringBuilder();
        int words = 90 + r.nextInt(60);
        for (int w = 0; w < words; w++) {
            note.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        if (edit > 0) {
            note.append(" — edit ").append(edit);
        }
        line(v, "NOTE:" + escape(note.toString()));
        if (i % PHOTO_EVERY == 0) {
            byte[] jpeg = new byte[3000 + r.nextInt(4500)];
            r.nextBytes(jpeg);
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
            jpeg[jpeg.length - 2] = (byte) 0xFF;
            jpeg[jpeg.length - 1] = (byte) 0xD9;
            line(v, "PHOTO;ENCODING=b;TYPE=JPEG:" + Base64.getEncoder().encodeToString(jpeg));
        }
        line(v, "REV:2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T10:00:00Z");
        line(v, "END:VCARD");
        return v.toString();
    }

    /** Appends one content line, folded at 75 octets as RFC 6350 asks. */
    private static void line(StringBuilder out, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(text).append("\r\n");
            return;
        }
        int lineBytes = 0;
        int limit = 75;
        for (int k = 0; k < text.length(); ) {
            int cp = text.codePointAt(k);
            int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (lineBytes + n > limit) {
                out.append("\r\n ");
                lineBytes = 0;
                limit = 74;
            }
            out.appendCodePoint(cp);
            lineBytes += n;
            k += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;");
    }

    private static String ascii(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT).replace("ı", "i");
    }

    private static String domain(String org) {
        return ascii(org.split(" ")[0]) + ".example.com";
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
