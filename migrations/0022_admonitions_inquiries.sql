CREATE TABLE "admonition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"admonition_id" bigint NOT NULL,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"due_on" date,
	"rating" text,
	"note" text,
	"detail" jsonb,
	"user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admonitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"cadre_id" bigint NOT NULL,
	"code" text NOT NULL,
	"kind" text DEFAULT 'admonition' NOT NULL,
	"status" text DEFAULT 'pending_talk' NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref_type" text,
	"source_ref_id" bigint,
	"reason" text NOT NULL,
	"opened_on" date NOT NULL,
	"talk_on" date,
	"talk_place" text,
	"talkers" text[] DEFAULT '{}'::text[] NOT NULL,
	"talk_record" text,
	"cadre_statement" text,
	"acknowledged_on" date,
	"tracking_ends_on" date,
	"check_in_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"report_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"check_ins_done" integer DEFAULT 0 NOT NULL,
	"next_check_in_on" date,
	"decide_by" date,
	"responsible_user_id" bigint,
	"released_on" date,
	"measure_kind" text,
	"measure_on" date,
	"end_note" text,
	"escalated_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"cadre_id" bigint NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"source_kind" text NOT NULL,
	"petition_id" bigint,
	"question" text NOT NULL,
	"sent_on" date NOT NULL,
	"due_on" date NOT NULL,
	"reply_text" text,
	"replied_on" date,
	"replied_by" bigint,
	"endorsed_by" bigint,
	"endorsed_at" timestamp with time zone,
	"endorse_note" text,
	"conclusion" text,
	"concluded_on" date,
	"conclusion_note" text,
	"admonition_id" bigint,
	"escalated_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inquiry_id" bigint NOT NULL,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admonition_events_idx" ON "admonition_events" USING btree ("admonition_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "admonitions_code_uq" ON "admonitions" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "admonitions_org_idx" ON "admonitions" USING btree ("org_id","status","opened_on");--> statement-breakpoint
CREATE INDEX "admonitions_cadre_idx" ON "admonitions" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "admonitions_source_idx" ON "admonitions" USING btree ("source_ref_type","source_ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_code_uq" ON "inquiries" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "inquiries_org_idx" ON "inquiries" USING btree ("org_id","status","sent_on");--> statement-breakpoint
CREATE INDEX "inquiries_cadre_idx" ON "inquiries" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "inquiries_petition_idx" ON "inquiries" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "inquiry_events_idx" ON "inquiry_events" USING btree ("inquiry_id","id");--> statement-breakpoint
CREATE INDEX "supervision_attachments_idx" ON "supervision_attachments" USING btree ("record_type","record_id");