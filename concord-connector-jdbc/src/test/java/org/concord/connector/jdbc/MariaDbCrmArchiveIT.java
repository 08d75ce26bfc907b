package org.concord.connector.jdbc;

class MariaDbCrmArchiveIT extends CrmArchiveContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.MARIADB;
    }
}
