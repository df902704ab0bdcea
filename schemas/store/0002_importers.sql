-- casebook project store, version 2: what the importers of issue 3 record.

-- Media time of transcript turns (milliseconds from the start of the
-- recording) and the headings a passage sits under ("Minutes > 5. Shared
-- services"), for citing and for auto-coding by speaker and structure.
ALTER TABLE passages ADD COLUMN start_ms INTEGER CHECK (start_ms IS NULL OR start_ms >= 0);
ALTER TABLE passages ADD COLUMN end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= 0);
ALTER TABLE passages ADD COLUMN heading_path TEXT;
CREATE INDEX passages_by_speaker ON passages(speaker) WHERE speaker IS NOT NULL;

-- A file that holds several sources (a survey: one per respondent) names
-- each one's part, so re-importing the file finds each source again.
ALTER TABLE sources ADD COLUMN origin_part TEXT NOT NULL DEFAULT '';

-- Where a source came from beyond its file: a download (URL, time, HTTP
-- status, content type) or a researcher's note ("FOI request 2019/44").
CREATE TABLE source_provenance (
  source_id    INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  url          TEXT,
  retrieved_at TEXT,
  http_status  INTEGER,
  content_type TEXT,
  note         TEXT
);
CREATE INDEX source_provenance_by_url ON source_provenance(url) WHERE url IS NOT NULL;

-- Speakers of transcript turns, as written in the transcripts, mapped to
-- the informant label used when citing (e.g. "Int-7") and their role.
-- Renaming a speaker rewrites passages.speaker; this table keeps the mapping.
CREATE TABLE speakers (
  name      TEXT PRIMARY KEY COLLATE NOCASE CHECK (name <> ''),
  informant TEXT,
  role      TEXT NOT NULL DEFAULT 'unknown'
            CHECK (role IN ('unknown', 'informant', 'interviewer', 'other')),
  updated_at TEXT NOT NULL
);

-- Further URLs a stored source's content was downloaded from (one paper
-- linked from several meetings, a moved page), so a harvest run does not
-- fetch it again. The source's own provenance keeps the first URL.
CREATE TABLE source_urls (
  url       TEXT PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  seen_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX source_urls_by_source ON source_urls(source_id);
