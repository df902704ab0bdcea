-- Schema 4: supervisors' review of codings.
--
-- A coding's review status is one of unreviewed, accepted or rejected (a
-- mis-coding, with the reason). Rejected codings stay in the store, so the
-- coder's original work remains for inter-coder agreement and the audit log
-- keeps every decision; analysis and exports leave them out by default.
-- A recode rejects the original and adds the reviewer's coding with the
-- corrected code, which points back at the original (recoded_from).

ALTER TABLE codings ADD COLUMN review_status TEXT NOT NULL DEFAULT 'unreviewed'
  CHECK (review_status IN ('unreviewed', 'accepted', 'rejected'));
ALTER TABLE codings ADD COLUMN reviewed_by TEXT;
ALTER TABLE codings ADD COLUMN reviewed_at TEXT;
ALTER TABLE codings ADD COLUMN review_reason TEXT;
ALTER TABLE codings ADD COLUMN recoded_from INTEGER REFERENCES codings(id);

CREATE INDEX codings_by_review ON codings(review_status);
