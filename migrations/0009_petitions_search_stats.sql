-- btree_gin: one GIN index on a scalar and an array (org_id, search_tokens). A trusted extension:
-- the owner of the database may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
DROP INDEX "petitions_org_received_idx";
--> statement-breakpoint
DROP INDEX "petitions_search_idx";
--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "report_count" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "opinion_count" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- the documents recorded before this migration
UPDATE petitions p SET report_count = d.reports, opinion_count = d.opinions
FROM (
  SELECT petition_id, count(*) FILTER (WHERE kind = 'report')::int AS reports,
    count(*) FILTER (WHERE kind = 'opinion')::int AS opinions
  FROM petition_documents GROUP BY petition_id
) d
WHERE p.id = d.petition_id;
--> statement-breakpoint
CREATE INDEX "petitions_received_idx" ON "petitions" USING btree ("received_on","id");
--> statement-breakpoint
CREATE INDEX "petitions_org_search_idx" ON "petitions" USING gin ("org_id","search_tokens");
--> statement-breakpoint
-- (org_id, received_on) carrying what the statistics and the list counts read: index-only scans.
CREATE INDEX "petitions_org_received_idx" ON "petitions" USING btree ("org_id","received_on")
  INCLUDE ("id","channel","status","urgent","accepted_on","concluded_on","assigned_due_on","due_on","visitors","category","report_count","opinion_count");
--> statement-breakpoint
-- A petition's report and opinion counts follow its documents, whatever writes them.
CREATE OR REPLACE FUNCTION petition_documents_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE petitions SET report_count = report_count - (OLD.kind = 'report')::int,
      opinion_count = opinion_count - (OLD.kind = 'opinion')::int
    WHERE id = OLD.petition_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE petitions SET report_count = report_count + (NEW.kind = 'report')::int,
      opinion_count = opinion_count + (NEW.kind = 'opinion')::int
    WHERE id = NEW.petition_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER petition_documents_count AFTER INSERT OR UPDATE OF petition_id, kind OR DELETE ON petition_documents
  FOR EACH ROW EXECUTE FUNCTION petition_documents_count();
