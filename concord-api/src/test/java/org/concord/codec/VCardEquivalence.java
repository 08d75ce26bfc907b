package org.concord.codec;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Categories;
import ezvcard.property.FormattedName;
import ezvcard.property.Nickname;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.VCardProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two vCard texts the way a user would: both parsed by ez-vcard, each property reduced
 * to its kind, group, parameters (case and order ignored, transport parameters dropped) and value.
 */
final class VCardEquivalence {

    private VCardEquivalence() {
    }

    /** Properties of the original that the rewritten card lacks; empty when nothing was lost. */
    static List<String> lost(String original, String rewritten) {
        List<String> before = shapes(original);
        List<String> after = new ArrayList<>(shapes(rewritten));
        List<String> missing = new ArrayList<>();
        for (String s : before) {
            if (!after.remove(s)) {
                missing.add(s);
            }
        }
        return missing;
    }

    /** Properties the rewritten card has beyond the original, apart from the empty FN/N a version requires. */
    static List<String> added(String original, String rewritten) {
        List<String> before = new ArrayList<>(shapes(original));
        List<String> extra = new ArrayList<>();
        for (String s : shapes(rewritten)) {
            if (!before.remove(s) && !s.startsWith("StructuredName||{}|") && !s.startsWith("FormattedName||{}|")) {
                extra.add(s);
            }
        }
        return extra;
    }

    static List<String> shapes(String text) {
        List<VCard> cards = Ezvcard.parse(text).all();
        List<String> out = new ArrayList<>();
        for (VCard card : cards) {
            for (VCardProperty p : card.getProperties()) {
                if (p instanceof Nickname n) {
                    for (String v : n.getValues()) {
                        out.add("Nickname|" + group(p) + "|" + params(p.getParameters()) + "|" + v);
                    }
                } else if (p instanceof Categories c) {
                    for (String v : c.getValues()) {
                        out.add("Categories|" + group(p) + "|" + params(p.getParameters()) + "|" + v.trim());
                    }
                } else if (p instanceof RawProperty r && r.getPropertyName().equalsIgnoreCase(VCardReading.UNPARSED)) {
                    continue; // a line the original reader skipped, kept by ours: not a loss
                } else {
                    out.add(shape(p));
                }
            }
        }
        return out;
    }

    private static String shape(VCardProperty p) {
        VCardParameters params = new VCardParameters(p.getParameters());
        String group = group(p);
        p.getParameters().clear();
        p.setGroup(null);
        String value = p instanceof RawProperty r ? r.getValue()
                : p.toString().replaceAll("^[^\\[]*\\[", "").replaceAll("\\s+", " ");
        String kind = p instanceof RawProperty r ? "Raw:" + r.getPropertyName().toUpperCase(Locale.ROOT) : p.getClass().getSimpleName();
        return kind + "|" + group + "|" + params(params) + "|" + value;
    }

    private static String group(VCardProperty p) {
        return p.getGroup() == null ? "" : p.getGroup().toLowerCase(Locale.ROOT);
    }

    private static String params(VCardParameters params) {
        Map<String, TreeSet<String>> m = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : params) {
            String name = e.getKey() == null ? "TYPE" : e.getKey().toUpperCase(Locale.ROOT);
            if (name.equals("CHARSET") || name.equals("ENCODING") || name.equals("VALUE")) {
                continue;
            }
            for (String v : e.getValue()) {
                for (String part : name.equals("TYPE") ? v.split(",") : new String[] {v}) {
                    m.computeIfAbsent(name, k -> new TreeSet<>()).add(name.equals("TYPE") ? part.toLowerCase(Locale.ROOT) : part);
                }
            }
        }
        return m.toString();
    }
}
