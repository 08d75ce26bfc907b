package org.concord.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL written with named parameters ({@code :target}) turned into JDBC's {@code ?} form, with the
 * positions of each name. Named parameters keep long column lists readable and binding mistakes
 * visible; the translation happens once per statement and connection.
 */
record NamedSql(String jdbcSql, Map<String, int[]> positions) {

    static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        Map<String, List<Integer>> found = new HashMap<>();
        int index = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean startsName = !quoted && c == ':' && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':');
            if (!startsName) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                end++;
            }
            found.computeIfAbsent(sql.substring(i + 1, end), k -> new ArrayList<>()).add(++index);
            out.append('?');
            i = end - 1;
        }
        Map<String, int[]> positions = new HashMap<>();
        found.forEach((name, list) -> positions.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        return new NamedSql(out.toString(), Map.copyOf(positions));
    }
}
