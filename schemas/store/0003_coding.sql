-- casebook project store, version 3: the codebook, codings, suggestions,
-- memos (issue 4). See docs/codebook.md for the codebook file these tables
-- are loaded from and written back to.

-- Codes. `key` is the stable id coders type ("expost.standardisation"); the
-- integer id is what codings point at, so changing a key (a rename declared
-- with `formerly`) or a parent (a move) never touches a coding. A code
-- dropped from the codebook is retired, never deleted: old codings and the
-- audit log still resolve.
CREATE TABLE codes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  key        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (key <> ''),
  parent_id  INTEGER REFERENCES codes(id),
  position   INTEGER NOT NULL DEFAULT 0,   -- order among its siblings
  name       TEXT NOT NULL CHECK (name <> ''),
  colour     TEXT,                         -- #rrggbb
  definition TEXT NOT NULL DEFAULT '',
  inclusion  TEXT NOT NULL DEFAULT '',
  exclusion  TEXT NOT NULL DEFAULT '',
  memo       TEXT NOT NULL DEFAULT '',
  origin     TEXT NOT NULL CHECK (origin IN ('deductive', 'inductive')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  retired_at TEXT                          -- NULL while the code is in the codebook
);
CREATE INDEX codes_by_parent ON codes(parent_id);

-- Earlier keys of a code (renames), so an old key still finds it.
CREATE TABLE code_aliases (
  alias   TEXT PRIMARY KEY COLLATE NOCASE,
  code_id INTEGER NOT NULL REFERENCES codes(id)
) WITHOUT ROWID;

CREATE TABLE code_examples (
  code_id  INTEGER NOT NULL REFERENCES codes(id),
  kind     TEXT NOT NULL CHECK (kind IN ('typical', 'atypical')),
  position INTEGER NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (code_id, kind, position)
) WITHOUT ROWID;

-- Indicative queries, in the search language (engine/search/query.hpp).
CREATE TABLE code_queries (
  code_id  INTEGER NOT NULL REFERENCES codes(id),
  position INTEGER NOT NULL,
  query    TEXT NOT NULL CHECK (query <> ''),
  PRIMARY KEY (code_id, position)
) WITHOUT ROWID;

-- Dimensions such as strength or direction, with their measurement level.
-- Nominal and ordinal dimensions list their values (ordinal in rank order);
-- interval and ratio ones take numbers, optionally within [min, max].
CREATE TABLE dimensions (
  name        TEXT PRIMARY KEY COLLATE NOCASE CHECK (name <> ''),
  level       TEXT NOT NULL CHECK (level IN ('nominal', 'ordinal', 'interval', 'ratio')),
  description TEXT NOT NULL DEFAULT '',
  min_value   REAL,
  max_value   REAL,
  position    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE dimension_values (
  dimension   TEXT NOT NULL REFERENCES dimensions(name) ON DELETE CASCADE,
  value       TEXT NOT NULL COLLATE NOCASE CHECK (value <> ''),
  position    INTEGER NOT NULL,            -- rank, for ordinal dimensions
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (dimension, value)
) WITHOUT ROWID;

-- Which codes take which dimensions, and whether a value is required.
CREATE TABLE code_dimensions (
  code_id   INTEGER NOT NULL REFERENCES codes(id),
  dimension TEXT NOT NULL REFERENCES dimensions(name) ON DELETE CASCADE,
  required  INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  position  INTEGER NOT NULL DEFAULT 0,    -- order in the code's list, as in the file
  PRIMARY KEY (code_id, dimension)
) WITHOUT ROWID;

CREATE TABLE propositions (
  key      TEXT PRIMARY KEY COLLATE NOCASE CHECK (key <> ''),
  parent   TEXT,                           -- P3 for P3a
  text     TEXT NOT NULL,
  position INTEGER NOT NULL
) WITHOUT ROWID;

-- What bears on a proposition: a code, optionally only with one dimension
-- value, as support or counter-evidence.
CREATE TABLE proposition_links (
  id          INTEGER PRIMARY KEY,
  proposition TEXT NOT NULL REFERENCES propositions(key) ON DELETE CASCADE,
  code_id     INTEGER NOT NULL REFERENCES codes(id),
  dimension   TEXT,
  value       TEXT,
  bearing     TEXT NOT NULL CHECK (bearing IN ('supports', 'counters')),
  note        TEXT NOT NULL DEFAULT '',
  CHECK ((dimension IS NULL) = (value IS NULL))
);

-- Codes of one group must not cover the same text by the same coder.
CREATE TABLE exclusive_groups (
  name     TEXT NOT NULL COLLATE NOCASE,
  code_id  INTEGER NOT NULL REFERENCES codes(id),
  position INTEGER NOT NULL DEFAULT 0,     -- file order of the (group, code) entries
  PRIMARY KEY (name, code_id)
) WITHOUT ROWID;

-- Every codebook file loaded, as loaded, so any version can be exported or
-- compared again. The tables above always hold the newest one.
CREATE TABLE codebook_versions (
  version     INTEGER PRIMARY KEY,
  name        TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  loaded_at   TEXT NOT NULL,
  loaded_by   TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  document    TEXT NOT NULL
);

-- Codings: a code on a half-open code-point span of one source's text.
-- Removing a coding (uncode) sets removed_*; rows are never deleted, so
-- the audit log and undo can always refer to them.
CREATE TABLE codings (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id      INTEGER NOT NULL REFERENCES sources(id),
  start_cp       INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp         INTEGER NOT NULL CHECK (end_cp > start_cp),
  code_id        INTEGER NOT NULL REFERENCES codes(id),
  coder          TEXT NOT NULL CHECK (coder <> ''),
  unit           TEXT NOT NULL,   -- how the span was chosen: passage, sentence, range, match, query, speaker, heading, suggestion
  quote          TEXT NOT NULL,   -- the coded text when coded (re-anchoring, exports)
  created_at     TEXT NOT NULL,
  removed_at     TEXT,
  removed_by     TEXT,
  removed_reason TEXT
);
CREATE INDEX codings_by_source ON codings(source_id, start_cp);
CREATE INDEX codings_by_code ON codings(code_id);
CREATE INDEX codings_by_coder ON codings(coder);

CREATE TABLE coding_dimensions (
  coding_id INTEGER NOT NULL REFERENCES codings(id),
  dimension TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (coding_id, dimension)
) WITHOUT ROWID;

-- Auto-coding proposals: a code's indicative query hit a span. The coder
-- who ran autocode owns them and decides each one.
CREATE TABLE suggestions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  owner      TEXT NOT NULL,
  code_id    INTEGER NOT NULL REFERENCES codes(id),
  source_id  INTEGER NOT NULL REFERENCES sources(id),
  start_cp   INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp     INTEGER NOT NULL CHECK (end_cp > start_cp),
  query      TEXT NOT NULL,
  weight     REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'pending'
             CHECK (status IN ('pending', 'accepted', 'rejected', 'skipped')),
  decided_at TEXT,
  coding_id  INTEGER REFERENCES codings(id),
  UNIQUE (owner, code_id, source_id, start_cp, end_cp)
);
CREATE INDEX suggestions_pending ON suggestions(owner, status, id);

-- Memos on codes, sources, cases, codings or the project as a whole.
CREATE TABLE memos (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'code', 'source', 'case', 'coding')),
  target_id   INTEGER NOT NULL,   -- 0 for the project
  text        TEXT NOT NULL CHECK (text <> ''),
  coder       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  removed_at  TEXT,
  removed_by  TEXT
);
CREATE INDEX memos_by_target ON memos(target_kind, target_id);

-- Undo: an entry that reverses another names it, so it is undone once.
ALTER TABLE audit_log ADD COLUMN undoes INTEGER REFERENCES audit_log(id);
CREATE INDEX audit_by_coder ON audit_log(coder, id);
