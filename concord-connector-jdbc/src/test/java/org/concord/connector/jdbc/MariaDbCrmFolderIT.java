package org.concord.connector.jdbc;

class MariaDbCrmFolderIT extends CrmFolderSync {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.MARIADB;
    }
}
