CREATE TABLE "pledge_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pledge_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledge_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pledge_id" bigint NOT NULL,
	"parent_id" bigint,
	"sort" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"target" text NOT NULL,
	"due_on" date NOT NULL,
	"weight" numeric
);
--> statement-breakpoint
CREATE TABLE "pledge_progress" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pledge_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"reported_on" date NOT NULL,
	"percent" integer NOT NULL,
	"evidence" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"cadre_id" bigint NOT NULL,
	"tenure_id" bigint NOT NULL,
	"title" text NOT NULL,
	"pledged_on" date NOT NULL,
	"report" text,
	"reported_on" date,
	"appraisal" jsonb,
	"appraised_on" date,
	"admonition_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pledge_attachments_entry_idx" ON "pledge_attachments" USING btree ("pledge_id","entry_id");--> statement-breakpoint
CREATE INDEX "pledge_items_pledge_idx" ON "pledge_items" USING btree ("pledge_id");--> statement-breakpoint
CREATE INDEX "pledge_items_due_idx" ON "pledge_items" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "pledge_progress_item_idx" ON "pledge_progress" USING btree ("item_id","reported_on");--> statement-breakpoint
CREATE INDEX "pledges_org_idx" ON "pledges" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "pledges_cadre_idx" ON "pledges" USING btree ("cadre_id");