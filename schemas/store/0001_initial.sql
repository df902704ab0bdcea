-- casebook project store, version 1.
-- The store is the source of truth; the Xapian index is rebuilt from it.
-- Positions are Unicode code points, half-open [start, end), on the NFC text.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Content-addressed copies of imported original files (objects/ab/cdef...).
CREATE TABLE objects (
  sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size      INTEGER NOT NULL CHECK (size >= 0),
  stored_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  -- NOCASE: the index folds case, so "A" and "a" must be one case.
  label       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (label <> ''),
  outcome     TEXT,
  sub_outcome TEXT,
  updated_at  TEXT NOT NULL
);

-- Typed case attributes, declared once per name.
CREATE TABLE case_attribute_defs (
  name TEXT PRIMARY KEY CHECK (name <> ''),
  type TEXT NOT NULL CHECK (type IN ('text', 'integer', 'decimal', 'date', 'boolean'))
) WITHOUT ROWID;

CREATE TABLE case_attributes (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  name    TEXT NOT NULL REFERENCES case_attribute_defs(name),
  value   TEXT NOT NULL,  -- canonical text form of the typed value
  PRIMARY KEY (case_id, name)
) WITHOUT ROWID;

-- Next number of each source label prefix ("Int" -> 8 means Int-8 is next).
-- Numbers are never reused, so a cited label always means one source.
CREATE TABLE label_counters (
  prefix TEXT PRIMARY KEY,
  next   INTEGER NOT NULL CHECK (next >= 1)
) WITHOUT ROWID;

-- AUTOINCREMENT: ids are never reused, so nothing that refers to a source
-- or passage (index terms, later codings) can ever point at another one.
CREATE TABLE sources (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  label           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (label <> ''),  -- Doc-1 = doc-1
  type            TEXT NOT NULL,
  title           TEXT NOT NULL DEFAULT '',
  date            TEXT,              -- ISO 8601: yyyy, yyyy-mm or yyyy-mm-dd
  council         TEXT,
  format          TEXT NOT NULL,     -- importer that read it: text, markdown, ...
  encoding        TEXT NOT NULL,     -- encoding of the original bytes
  original_sha256 TEXT NOT NULL REFERENCES objects(sha256),
  original_name   TEXT NOT NULL,     -- file name as imported
  origin_path     TEXT NOT NULL,     -- absolute path it was imported from
  version         INTEGER NOT NULL DEFAULT 1,
  imported_at     TEXT NOT NULL,
  imported_by     TEXT NOT NULL
);
CREATE INDEX sources_by_original ON sources(original_sha256);
CREATE INDEX sources_by_origin ON sources(origin_path);

-- The canonical text, stored once per source.
CREATE TABLE source_texts (
  source_id   INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  code_points INTEGER NOT NULL CHECK (code_points >= 0)
);

CREATE TABLE source_attributes (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  name      TEXT NOT NULL CHECK (name <> ''),
  value     TEXT NOT NULL,
  PRIMARY KEY (source_id, name)
) WITHOUT ROWID;

CREATE TABLE source_cases (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
  PRIMARY KEY (source_id, case_id)
) WITHOUT ROWID;
CREATE INDEX source_cases_by_case ON source_cases(case_id);

-- Retrieval units: paragraphs, headings, speaker turns. Numbered from 1 per source.
CREATE TABLE passages (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  n         INTEGER NOT NULL CHECK (n >= 1),
  start_cp  INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp    INTEGER NOT NULL CHECK (end_cp > start_cp),
  kind      TEXT NOT NULL,
  speaker   TEXT,
  page      INTEGER,
  UNIQUE (source_id, n)
);

-- Sentence boundaries, for coding and agreement at sentence level.
CREATE TABLE sentences (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  n         INTEGER NOT NULL CHECK (n >= 1),
  start_cp  INTEGER NOT NULL CHECK (start_cp >= 0),
  end_cp    INTEGER NOT NULL CHECK (end_cp > start_cp),
  PRIMARY KEY (source_id, n)
) WITHOUT ROWID;

-- Index changes committed to the store but not yet to the Xapian index. Rows
-- are written in the same transaction as the change and deleted only after
-- the index has committed it, so a killed process leaves work to replay,
-- never a silent gap (see docs/architecture.md, "Write protocol"). Ids never
-- restart (AUTOINCREMENT): the replayer reads only rows newer than the last
-- one it applied.
CREATE TABLE index_outbox (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id INTEGER NOT NULL,  -- no foreign key: removals outlive their source
  action    TEXT NOT NULL CHECK (action IN ('index', 'remove'))
);

-- Every change to the project, with who made it.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  coder   TEXT NOT NULL,
  action  TEXT NOT NULL,   -- e.g. source.import, source.replace, case.update
  target  TEXT NOT NULL,   -- what was changed: a source label, a case id
  detail  TEXT NOT NULL DEFAULT '{}'  -- JSON
);
