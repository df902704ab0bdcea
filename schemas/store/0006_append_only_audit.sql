-- Schema 6: the audit log is append-only (issue 9). No casebook command
-- deletes or rewrites an entry; these triggers make sure no code path (and
-- no future bug) can either. The one change allowed is the one undo makes:
-- marking an entry, once, as part of the undo that wrote it (undoes set
-- from NULL), with every other column unchanged.

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted');
END;

CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE ON audit_log
WHEN NOT (OLD.undoes IS NULL AND NEW.id IS OLD.id AND NEW.at IS OLD.at
          AND NEW.coder IS OLD.coder AND NEW.action IS OLD.action
          AND NEW.target IS OLD.target AND NEW.detail IS OLD.detail)
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;
