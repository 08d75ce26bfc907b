package org.concord.connector.jdbc;

class MariaDbConnectorIT extends JdbcConnectorContract {
    @Override
    TestDatabase.Server server() {
        return TestDatabase.Server.MARIADB;
    }

    @Override
    String peopleDdl() {
        return "CREATE TABLE people (id INT AUTO_INCREMENT PRIMARY KEY, owner VARCHAR(50), first_name VARCHAR(100),"
                + " last_name VARCHAR(100) NOT NULL, email VARCHAR(200), born VARCHAR(20), updated_at DATETIME(3),"
                + " row_version INT NOT NULL DEFAULT 1, ext_ref VARCHAR(64) NULL UNIQUE, removed TINYINT NOT NULL DEFAULT 0) ENGINE=InnoDB";
    }
}
