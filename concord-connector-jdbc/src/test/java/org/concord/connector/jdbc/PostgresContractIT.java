package org.concord.connector.jdbc;

class PostgresContractIT extends CrmContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.POSTGRESQL;
    }
}
