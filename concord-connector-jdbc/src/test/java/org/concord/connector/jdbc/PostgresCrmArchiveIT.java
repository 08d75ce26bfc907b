package org.concord.connector.jdbc;

class PostgresCrmArchiveIT extends CrmArchiveContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.POSTGRESQL;
    }
}
