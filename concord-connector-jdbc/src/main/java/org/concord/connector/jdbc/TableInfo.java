package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.connector.jdbc.mapping.ColumnMapping;
import org.concord.connector.jdbc.mapping.IdGeneration;
import org.concord.connector.jdbc.mapping.RelatedMapping;
import org.concord.connector.jdbc.mapping.RowConverter;
import org.concord.connector.jdbc.mapping.TableMapping;
import org.concord.spi.PermanentConnectorException;

/**
 * A mapped table as the database has it: the SQL type of every column the mapping names, checked
 * when the connector opens, and who makes new ids.
 */
record TableInfo(
        TableMapping mapping,
        RowConverter converter,
        Map<String, Integer> types,
        IdGeneration idGeneration,
        Map<String, Map<String, Integer>> relatedTypes,
        Map<String, IdGeneration> relatedIdGeneration) {

    int type(String column) {
        return types.getOrDefault(column.toLowerCase(Locale.ROOT), Types.VARCHAR);
    }

    int relatedType(RelatedMapping r, String column) {
        return relatedTypes.get(r.name()).getOrDefault(column.toLowerCase(Locale.ROOT), Types.VARCHAR);
    }

    int idType() {
        return type(mapping.idColumn());
    }

    static TableInfo load(Connection c, TableMapping t, RowConverter converter, String label) throws PermanentConnectorException {
        Set<String> columns = new LinkedHashSet<>(t.readColumns());
        columns.addAll(t.insertValues().keySet());
        Map<String, Integer> types = new HashMap<>();
        Map<String, Boolean> auto = new HashMap<>();
        describe(c, t.table(), columns, types, auto, label + ": table " + t.table() + " (tables." + t.name() + ")");
        IdGeneration generation = resolve(t.idGeneration(), auto.get(t.idColumn().toLowerCase(Locale.ROOT)),
                types.get(t.idColumn().toLowerCase(Locale.ROOT)), label + ": table " + t.table() + ", id column " + t.idColumn());
        Map<String, Map<String, Integer>> relatedTypes = new HashMap<>();
        Map<String, IdGeneration> relatedGeneration = new HashMap<>();
        for (RelatedMapping r : t.related()) {
            Set<String> rc = new LinkedHashSet<>(List.of(r.idColumn(), r.parentColumn()));
            for (ColumnMapping f : r.fields()) {
                rc.add(f.column());
            }
            r.softDelete().ifPresent(d -> rc.add(d.column()));
            rc.addAll(r.insertValues().keySet());
            Map<String, Integer> rt = new HashMap<>();
            Map<String, Boolean> ra = new HashMap<>();
            describe(c, r.table(), rc, rt, ra, label + ": related table " + r.table() + " (tables." + t.name() + ".related." + r.name() + ")");
            relatedTypes.put(r.name(), rt);
            relatedGeneration.put(r.name(), resolve(r.idGeneration(), ra.get(r.idColumn().toLowerCase(Locale.ROOT)),
                    rt.get(r.idColumn().toLowerCase(Locale.ROOT)), label + ": related table " + r.table() + ", id column " + r.idColumn()));
        }
        return new TableInfo(t, converter, Map.copyOf(types), generation, relatedTypes, relatedGeneration);
    }

    private static void describe(Connection c, String table, Set<String> columns, Map<String, Integer> types,
            Map<String, Boolean> auto, String what) throws PermanentConnectorException {
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                types.put(name, md.getColumnType(i));
                auto.put(name, md.isAutoIncrement(i));
            }
        } catch (SQLException e) {
            throw new PermanentConnectorException(what + " does not match the database: " + SqlFailures.describe(e), e);
        }
    }

    private static IdGeneration resolve(IdGeneration configured, Boolean autoIncrement, Integer sqlType, String what)
            throws PermanentConnectorException {
        if (configured != IdGeneration.AUTO) {
            return configured;
        }
        if (Boolean.TRUE.equals(autoIncrement)) {
            return IdGeneration.DATABASE;
        }
        if (sqlType != null && Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.OTHER, Types.LONGVARCHAR).contains(sqlType)) {
            return IdGeneration.UUID;
        }
        throw new PermanentConnectorException(what + " is neither auto-increment nor text: set id-generation (database or uuid)");
    }
}
