ALTER TABLE "petitions" ADD COLUMN "recusal_org_id" bigint;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_cadre_ids" bigint[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "todos" ADD COLUMN "subject_cadre_ids" bigint[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- hand-written: the open and past to-dos of petitions carry the cadres the petition names, so
-- recusal applies to them from the first start on this version
UPDATE "todos" t SET "subject_cadre_ids" = coalesce((
  SELECT array_agg(DISTINCT s."cadre_id") FROM "petition_subjects" s
  WHERE s."petition_id" = t."record_id"::bigint AND s."cadre_id" IS NOT NULL
), '{}')
WHERE t."record_type" = 'petition' AND t."record_id" ~ '^[0-9]+$';
