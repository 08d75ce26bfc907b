package org.concord.connector.jdbc;

class PostgresCrmFolderIT extends CrmFolderSync {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.POSTGRESQL;
    }
}
