package org.concord.connector.jdbc;

class MariaDbContractIT extends CrmContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.MARIADB;
    }
}
