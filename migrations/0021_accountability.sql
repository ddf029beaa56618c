CREATE TABLE "accountability_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" bigint NOT NULL,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" bigint,
	"user_name" text,
	"reason" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "accountability_persons" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" bigint NOT NULL,
	"cadre_id" bigint,
	"name" text NOT NULL,
	"post" text,
	"role" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"category" text,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"basis" text NOT NULL,
	"basis_policy_id" bigint,
	"deciding_body" text,
	"decided_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"closed_on" date,
	"dismiss_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_ref" text,
	"subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_sanctions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"effective_from" date,
	"rule_key" text NOT NULL,
	"grade_year" integer,
	"tenure_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"note" text,
	"status" text DEFAULT 'in_force' NOT NULL,
	"ended_on" date,
	"end_ground" text,
	"end_reason" text,
	"replaces_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "accountability_events_record_idx" ON "accountability_events" USING btree ("record_id","id");--> statement-breakpoint
CREATE INDEX "accountability_persons_record_idx" ON "accountability_persons" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "accountability_persons_cadre_idx" ON "accountability_persons" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "accountability_records_org_idx" ON "accountability_records" USING btree ("org_id","decided_on");--> statement-breakpoint
CREATE INDEX "accountability_records_subjects_idx" ON "accountability_records" USING gin ("subject_cadre_ids");--> statement-breakpoint
CREATE INDEX "accountability_sanctions_record_idx" ON "accountability_sanctions" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "accountability_sanctions_person_idx" ON "accountability_sanctions" USING btree ("person_id");