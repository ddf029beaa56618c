CREATE TABLE "disclosure_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"disclosure_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"taken_on" date,
	"caption" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"disclosure_id" bigint NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"finance" jsonb,
	"note" text,
	"user_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "publish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "scheduled_by" bigint;--> statement-breakpoint
CREATE INDEX "disclosure_attachments_disclosure_idx" ON "disclosure_attachments" USING btree ("disclosure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_versions_no_uq" ON "disclosure_versions" USING btree ("disclosure_id","no");--> statement-breakpoint
CREATE INDEX "disclosures_publish_at_idx" ON "disclosures" USING btree ("publish_at") WHERE publish_at is not null;--> statement-breakpoint
INSERT INTO "disclosure_versions" ("disclosure_id", "no", "title", "body", "finance", "user_id", "at")
SELECT d."id", 1, d."title", d."body", d."finance", d."created_by", coalesce(d."published_on"::timestamptz, d."updated_at")
FROM "disclosures" d WHERE d."published_on" IS NOT NULL;
