ALTER TABLE "audit_outcomes" ADD COLUMN "petition_id" bigint;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "source_audit_id" bigint;