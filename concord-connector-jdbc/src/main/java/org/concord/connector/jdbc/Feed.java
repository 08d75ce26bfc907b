package org.concord.connector.jdbc;

import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.FeedRequest;

/** One way of reading a jdbc system's changes. Calls never overlap (one reader per system). */
interface Feed extends AutoCloseable {

    ChangeBatch read(FeedRequest request) throws ConnectorException, InterruptedException;

    @Override
    void close();
}
