ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';
UPDATE notes SET author = 'v2' WHERE id = 1;
