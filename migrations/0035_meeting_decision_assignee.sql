ALTER TABLE "meeting_decisions" ADD COLUMN "assignee_user_id" bigint;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "audit_id" bigint;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL;