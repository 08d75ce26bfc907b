package org.concord.engine;

import java.nio.file.Path;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;
import org.junit.jupiter.api.io.TempDir;

/** Every engine scenario again, on the SQLite store a user runs. */
class EngineOnSqliteTest extends EngineTest {
    @TempDir
    Path dir;

    private int stores;

    @Override
    protected Store newStore() {
        return Stores.open("state-" + (stores++) + "/concord.db", dir);
    }
}
