package org.concord.connector.jdbc;

class MariaDbCrmPresetIT extends CrmPresetContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.MARIADB;
    }
}
