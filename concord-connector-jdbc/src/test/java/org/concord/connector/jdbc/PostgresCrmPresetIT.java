package org.concord.connector.jdbc;

class PostgresCrmPresetIT extends CrmPresetContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.POSTGRESQL;
    }
}
