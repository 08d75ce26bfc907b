package org.concord.connector.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.util.Map;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Connector;
import org.concord.testkit.ConnectorContract;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.AfterAll;

/**
 * The connector contract against the demo CRM schema with the {@code crm} preset: one database
 * concord_jdbc_RANDOM per class, emptied of its demo objects before each test (users stay).
 * Subclassed per server.
 */
abstract class CrmContract extends ConnectorContract {
    /** What the demo schema holds objects in, related rows first. */
    private static final String[] DATA = {"email_addresses", "contacts", "meetings", "calls", "tasks", "notes"};
    private static final String[] CONCORD = {"concord_change_log", "concord_change_log_readers", "concord_carry"};

    private static TestDatabase db;

    abstract TestDatabase.Server server();

    @Override
    protected Connector createConnector() throws Exception {
        if (db == null || db.server != server()) {
            db = TestDatabase.create(server());
            try (Connection c = db.connect()) {
                DemoCrm.create(c);
            }
        }
        JdbcConnector crm = (JdbcConnector) new JdbcConnectorFactory().create(
                db.config("crm", Map.of("preset", "crm", "time-zone", "Europe/Berlin")));
        crm.install();
        for (String table : DATA) {
            db.execute("DELETE FROM " + table);
        }
        for (String table : CONCORD) {
            db.execute("DELETE FROM " + table);
        }
        return crm;
    }

    /** The crm preset requires a last name: the sample card gets one. */
    @Override
    protected Payload sample(ItemType type, String uid, int n, int edit) {
        Payload p = Samples.of(type, uid, n, edit);
        if (type != ItemType.CONTACT) {
            return p;
        }
        ObjectNode json = p.json();
        ((ArrayNode) json.withObjectProperty("name").withArrayProperty("components"))
                .addObject().put("kind", "surname").put("value", "Sample");
        return Payload.of(type, json);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
