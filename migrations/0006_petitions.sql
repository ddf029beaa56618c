CREATE TABLE "petition_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"from_public" boolean DEFAULT false NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"content" text NOT NULL,
	"occurred_on" date NOT NULL,
	"user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"occurred_on" date NOT NULL,
	"user_id" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_subjects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"cadre_id" bigint,
	"name" text NOT NULL,
	"unit_text" text
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"visitors" integer,
	"received_on" date NOT NULL,
	"assigned_by" text,
	"assigned_ref" text,
	"assigned_due_on" date,
	"transferred_from" text,
	"real_name" boolean DEFAULT false NOT NULL,
	"reporter_enc" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"category" text,
	"search_tokens" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"disposal" text,
	"investigator_user_id" bigint,
	"assigned_unit_org_id" bigint,
	"accepted_on" date,
	"declined_on" date,
	"decline_reason" text,
	"reported_on" date,
	"approved_on" date,
	"replied_on" date,
	"reply" text,
	"concluded_on" date,
	"due_on" date,
	"due_kind" text,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"extension_approved_by" bigint,
	"rating" integer,
	"rating_comment" text,
	"review_level" integer DEFAULT 0 NOT NULL,
	"review_requested_on" date,
	"urgent" boolean DEFAULT false NOT NULL,
	"receipt_digest" text,
	"imported" boolean DEFAULT false NOT NULL,
	"created_by" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_submissions" (
	"key" text PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "petition_attachments_petition_idx" ON "petition_attachments" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_documents_petition_idx" ON "petition_documents" USING btree ("petition_id","kind");--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id","id");--> statement-breakpoint
CREATE INDEX "petition_events_action_on_idx" ON "petition_events" USING btree ("action","occurred_on");--> statement-breakpoint
CREATE INDEX "petition_subjects_petition_idx" ON "petition_subjects" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_subjects_cadre_idx" ON "petition_subjects" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_org_code_uq" ON "petitions" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "petitions_org_received_idx" ON "petitions" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "petitions_org_status_idx" ON "petitions" USING btree ("org_id","status","received_on");--> statement-breakpoint
CREATE INDEX "petitions_due_idx" ON "petitions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "petitions_unit_idx" ON "petitions" USING btree ("assigned_unit_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_receipt_uq" ON "petitions" USING btree ("receipt_digest");--> statement-breakpoint
CREATE INDEX "petitions_search_idx" ON "petitions" USING gin ("search_tokens");