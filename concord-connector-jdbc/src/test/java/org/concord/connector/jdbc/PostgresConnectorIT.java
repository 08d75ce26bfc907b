package org.concord.connector.jdbc;

class PostgresConnectorIT extends JdbcConnectorContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.POSTGRESQL;
    }

    @Override
    String peopleDdl() {
        return "CREATE TABLE people (id SERIAL PRIMARY KEY, owner VARCHAR(50), first_name VARCHAR(100),"
                + " last_name VARCHAR(100) NOT NULL, email VARCHAR(200), born VARCHAR(20), updated_at TIMESTAMP(3),"
                + " row_version INT NOT NULL DEFAULT 1, ext_ref VARCHAR(64) NULL UNIQUE, removed SMALLINT NOT NULL DEFAULT 0)";
    }
}
