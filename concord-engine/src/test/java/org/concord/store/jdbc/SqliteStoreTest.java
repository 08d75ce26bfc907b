package org.concord.store.jdbc;

import java.nio.file.Path;
import org.concord.store.Store;
import org.concord.store.StoreContract;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    protected Store openEmptyStore() {
        return Stores.open("state/concord.db", dir);
    }

    @Override
    protected Store reopenStore() {
        return Stores.open("state/concord.db", dir);
    }
}
