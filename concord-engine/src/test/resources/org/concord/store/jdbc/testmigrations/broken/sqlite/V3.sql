CREATE TABLE more_notes (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);
