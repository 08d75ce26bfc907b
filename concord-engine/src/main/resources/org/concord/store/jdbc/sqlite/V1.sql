-- Concord store schema, version 1, SQLite.
-- Instants are epoch milliseconds; payloads are canonical JSON bytes; field hashes are JSON text.
-- Statements are separated by semicolons at line ends; no semicolon may appear inside one.

-- An item is the anchor of its links and pending entries: those refer to it, checked at commit.
CREATE TABLE items (
    global_id  TEXT    NOT NULL PRIMARY KEY,
    user_name  TEXT    NOT NULL,
    item_type  TEXT    NOT NULL,
    uid        TEXT,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- An object that appears without a link is matched to a known item by its UID.
CREATE INDEX items_by_uid ON items (user_name, item_type, uid);

CREATE TABLE links (
    system_name  TEXT    NOT NULL,
    native_id    TEXT    NOT NULL,
    global_id    TEXT    NOT NULL REFERENCES items (global_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    user_name    TEXT    NOT NULL,
    item_type    TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    field_hashes TEXT    NOT NULL,
    synced_at    INTEGER NOT NULL,
    UNIQUE (system_name, native_id)
);
-- A system holds an item at most once; also serves the lookup of all links of an item.
CREATE UNIQUE INDEX links_by_item ON links (global_id, system_name);

-- seq is the row id: rows are kept in delivery order.
CREATE TABLE pending (
    seq         INTEGER PRIMARY KEY,
    target      TEXT    NOT NULL,
    global_id   TEXT    NOT NULL REFERENCES items (global_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    op          TEXT    NOT NULL CHECK (op IN ('U', 'D')),
    payload     BLOB    CHECK (op = 'D' OR payload IS NOT NULL),
    origin      TEXT    NOT NULL,
    enqueued_at INTEGER NOT NULL,
    attempts    INTEGER NOT NULL,
    not_before  INTEGER NOT NULL,
    last_error  TEXT
);
CREATE UNIQUE INDEX pending_by_item ON pending (global_id, target);
-- Due entries are read in seq order; scanning this index in order avoids sorting the backlog.
CREATE INDEX pending_by_target ON pending (target, seq);

-- The highest pending seq ever handed out, which survives the removal of its entry.
CREATE TABLE counters (
    name  TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('pending_seq', 0);

CREATE TABLE cursors (
    system_name  TEXT NOT NULL PRIMARY KEY,
    cursor_value TEXT NOT NULL
) WITHOUT ROWID;

-- AUTOINCREMENT: an id shown to an admin is never reused by a later error.
CREATE TABLE sync_errors (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    system_name TEXT    NOT NULL,
    phase       TEXT    NOT NULL,
    object_ref  TEXT    NOT NULL,
    global_id   TEXT,
    message     TEXT    NOT NULL,
    first_at    INTEGER NOT NULL,
    last_at     INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    UNIQUE (system_name, phase, object_ref)
);
CREATE INDEX sync_errors_by_time ON sync_errors (last_at);

CREATE TABLE conflicts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    global_id    TEXT    NOT NULL,
    system_name  TEXT    NOT NULL,
    other_origin TEXT    NOT NULL,
    policy       TEXT    NOT NULL,
    decision     TEXT    NOT NULL,
    duplicate_id TEXT,
    happened_at  INTEGER NOT NULL,
    is_open      INTEGER NOT NULL
);
CREATE INDEX conflicts_by_state ON conflicts (is_open, id);
CREATE INDEX conflicts_by_item ON conflicts (global_id, is_open);

-- The versions of a held (manual) conflict, one per system, newest kept: in flight like pending
-- payloads, removed when the conflict is resolved.
CREATE TABLE conflict_versions (
    conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
    system_name TEXT   NOT NULL,
    payload     BLOB  NOT NULL,
    PRIMARY KEY (conflict_id, system_name)
);

CREATE TABLE system_states (
    system_name TEXT    NOT NULL PRIMARY KEY,
    is_up       INTEGER NOT NULL,
    since       INTEGER NOT NULL,
    reason      TEXT,
    paused      INTEGER NOT NULL,
    pause_reason   TEXT,
    accept_deletes INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- No reference to items: an item's history outlives the item.
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    global_id   TEXT    NOT NULL,
    happened_at INTEGER NOT NULL,
    system_name TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    detail      TEXT    NOT NULL
);
CREATE INDEX history_by_item ON history (global_id, happened_at);
