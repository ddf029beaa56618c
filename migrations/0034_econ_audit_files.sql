CREATE TABLE "audit_report_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_on" date NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" bigint NOT NULL,
	"audit_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_on" date NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "assignee_user_id" bigint;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "audit_id" bigint;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_report_files_audit_idx" ON "audit_report_files" USING btree ("audit_id","id");--> statement-breakpoint
CREATE INDEX "rectification_attachments_item_idx" ON "rectification_attachments" USING btree ("item_id","id");