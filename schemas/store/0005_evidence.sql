-- Schema 5: what triangulation and exports need (issue 6).

-- Real names (councils, people, places) and the pseudonyms every export
-- writes instead. Exports refuse to write when a real name survives.
CREATE TABLE pseudonyms (
  real_name  TEXT PRIMARY KEY COLLATE NOCASE CHECK (trim(real_name) <> ''),
  pseudonym  TEXT NOT NULL CHECK (trim(pseudonym) <> ''),
  kind       TEXT NOT NULL DEFAULT 'other'
             CHECK (kind IN ('council', 'person', 'place', 'organisation', 'other')),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) WITHOUT ROWID;

-- Case-level quantitative series (administrative cost per claimant,
-- processing days), by council and period, to set beside the qualitative
-- evidence. One value per case, council, period and metric; council '' is
-- the case as a whole.
CREATE TABLE case_series (
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  council     TEXT NOT NULL DEFAULT '',
  period      TEXT NOT NULL CHECK (period <> ''),  -- ISO: yyyy, yyyy-mm or yyyy-mm-dd
  metric      TEXT NOT NULL COLLATE NOCASE CHECK (metric <> ''),
  value       REAL NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (case_id, metric, council, period)
) WITHOUT ROWID;
