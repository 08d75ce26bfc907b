-- Concord store schema, version 2, SQLite.
-- A pending payload keeps its content hash and field hashes (JSON text, as in links), so that
-- delivering it, and comparing it with what a system holds, need not hash it again. Rows written
-- by version 1 have none: their hashes are computed when read, as before.

ALTER TABLE pending ADD COLUMN content_hash TEXT;
ALTER TABLE pending ADD COLUMN field_hashes TEXT;
