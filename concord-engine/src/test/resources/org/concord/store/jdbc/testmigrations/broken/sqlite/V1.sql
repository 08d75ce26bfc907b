-- Test migrations: a table, then a column added to it.
CREATE TABLE notes (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
INSERT INTO notes (id, text) VALUES (1, 'from v1');
