DROP INDEX "petition_documents_petition_idx";--> statement-breakpoint
ALTER TABLE "petition_events" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "petition_events" ADD COLUMN "disposal" text;--> statement-breakpoint
ALTER TABLE "petition_events" ADD COLUMN "extension_days" integer;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "last_step_on" date;--> statement-breakpoint
CREATE INDEX "petition_documents_petition_idx" ON "petition_documents" USING btree ("petition_id","kind","occurred_on");
--> statement-breakpoint
-- Figures as of a date (docs/decisions/figures-registry.md). Each event carries the case's state
-- after its step: the running clock, the disposal and the granted extension. The workflow writes the
-- petition row first and the event after, so the state is copied from the row unless the writer
-- gives it (extension_days set): the ledger import gives the state of each past step itself.
CREATE OR REPLACE FUNCTION petition_events_state() RETURNS trigger AS $$
BEGIN
  IF NEW.extension_days IS NULL THEN
    SELECT p.due_on, p.disposal, p.extension_days INTO NEW.due_on, NEW.disposal, NEW.extension_days
    FROM petitions p WHERE p.id = NEW.petition_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER petition_events_state BEFORE INSERT ON petition_events
  FOR EACH ROW EXECUTE FUNCTION petition_events_state();
--> statement-breakpoint
-- last_step_on: the date of a petition's latest event or document. As of that date or later the
-- row is the state; before it the figures look the state up in the events.
CREATE OR REPLACE FUNCTION petition_events_last_step() RETURNS trigger AS $$
BEGIN
  UPDATE petitions SET last_step_on = NEW.occurred_on
  WHERE id = NEW.petition_id AND (last_step_on IS NULL OR last_step_on < NEW.occurred_on);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER petition_events_last_step AFTER INSERT OR UPDATE OF petition_id, occurred_on ON petition_events
  FOR EACH ROW EXECUTE FUNCTION petition_events_last_step();
--> statement-breakpoint
-- The document counter (migration 0009) moves last_step_on too, in the same update.
CREATE OR REPLACE FUNCTION petition_documents_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE petitions SET report_count = report_count - (OLD.kind = 'report')::int,
      opinion_count = opinion_count - (OLD.kind = 'opinion')::int
    WHERE id = OLD.petition_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE petitions SET report_count = report_count + (NEW.kind = 'report')::int,
      opinion_count = opinion_count + (NEW.kind = 'opinion')::int,
      last_step_on = greatest(last_step_on, NEW.occurred_on)
    WHERE id = NEW.petition_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER petition_documents_count ON petition_documents;
--> statement-breakpoint
CREATE TRIGGER petition_documents_count AFTER INSERT OR UPDATE OF petition_id, kind, occurred_on OR DELETE ON petition_documents
  FOR EACH ROW EXECUTE FUNCTION petition_documents_count();
--> statement-breakpoint
-- The events and documents recorded before this migration.
UPDATE petitions p SET last_step_on = s.last_on
FROM (
  SELECT petition_id, max(occurred_on) AS last_on FROM (
    SELECT petition_id, occurred_on FROM petition_events
    UNION ALL SELECT petition_id, occurred_on FROM petition_documents
  ) x GROUP BY petition_id
) s
WHERE p.id = s.petition_id;
--> statement-breakpoint
-- The state after each earlier event: exact for each case's latest event (the row), rebuilt from the
-- dated columns and the rule values in force today for the events before it.
UPDATE petition_events e SET
  extension_days = CASE WHEN EXISTS (
      SELECT 1 FROM petition_events x WHERE x.petition_id = e.petition_id AND x.action = 'extend'
        AND (x.occurred_on, x.id) <= (e.occurred_on, e.id)) THEN p.extension_days ELSE 0 END,
  disposal = (
    SELECT CASE x.action WHEN 'hold' THEN 'hold' WHEN 'close' THEN 'close'
      ELSE coalesce(nullif(nullif(p.disposal, 'hold'), 'close'), 'preliminary_check') END
    FROM petition_events x WHERE x.petition_id = e.petition_id AND x.action IN ('hold', 'close', 'investigate')
      AND (x.occurred_on, x.id) <= (e.occurred_on, e.id)
    ORDER BY x.occurred_on DESC, x.id DESC LIMIT 1)
FROM petitions p WHERE p.id = e.petition_id;
--> statement-breakpoint
UPDATE petition_events e SET due_on = CASE
    WHEN e.to_status = 'registered' THEN least(p.received_on + r.acceptance, p.assigned_due_on)
    WHEN e.to_status IN ('accepted', 'held', 'investigating', 'reported', 'awaiting_approval')
      OR (e.to_status = 'approved' AND NOT p.real_name)
      THEN least(coalesce(p.accepted_on, p.received_on) + r.handling + e.extension_days, p.assigned_due_on)
    -- 15 working days, taken as three weeks
    WHEN e.to_status = 'approved' THEN coalesce(p.approved_on, e.occurred_on) + 21
    WHEN e.to_status = 'reviewing' THEN coalesce(p.review_requested_on, e.occurred_on) + r.review_answer
  END
FROM petitions p, (
  SELECT
    coalesce(max((value #>> '{}')::int) FILTER (WHERE key = 'petition.acceptance'), 15) AS acceptance,
    coalesce(max((value #>> '{}')::int) FILTER (WHERE key = 'petition.handling'), 60) AS handling,
    coalesce(max((value #>> '{}')::int) FILTER (WHERE key = 'petition.review_answer'), 30) AS review_answer
  FROM rules WHERE effective_to IS NULL AND key IN ('petition.acceptance', 'petition.handling', 'petition.review_answer')
) r
WHERE p.id = e.petition_id;
--> statement-breakpoint
UPDATE petition_events e SET due_on = p.due_on, disposal = p.disposal, extension_days = p.extension_days
FROM petitions p
WHERE p.id = e.petition_id AND e.id = (
  SELECT x.id FROM petition_events x WHERE x.petition_id = e.petition_id
  ORDER BY x.occurred_on DESC, x.id DESC LIMIT 1);
--> statement-breakpoint
-- The state of a case on a date: its latest event on or before it, read from the index alone.
CREATE INDEX "petition_events_as_of_idx" ON "petition_events" USING btree ("petition_id","occurred_on","id")
  INCLUDE ("to_status","due_on","disposal","extension_days");
--> statement-breakpoint
-- (org_id, received_on) carrying what the figures read, now with the as-of columns: index-only scans.
DROP INDEX "petitions_org_received_idx";
--> statement-breakpoint
CREATE INDEX "petitions_org_received_idx" ON "petitions" USING btree ("org_id","received_on")
  INCLUDE ("id","channel","status","urgent","accepted_on","concluded_on","assigned_due_on","due_on","visitors","category","report_count","opinion_count","real_name","disposal","extension_days","review_level","last_step_on");
--> statement-breakpoint
-- The named cadres of a petition with the petition: the breakdown by named cadre reads the index only.
DROP INDEX "petition_subjects_petition_idx";
--> statement-breakpoint
CREATE INDEX "petition_subjects_petition_idx" ON "petition_subjects" USING btree ("petition_id") INCLUDE ("cadre_id","name");
