CREATE TABLE "appointment_candidates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"cadre_id" bigint NOT NULL,
	"position_id" bigint NOT NULL,
	"status" text DEFAULT 'recommended' NOT NULL,
	"recommend_votes" integer,
	"exam_score" numeric,
	"interview_score" numeric,
	"rank" integer,
	"approve" integer,
	"oppose" integer,
	"abstain" integer,
	"override_reason" text,
	"override_by" bigint,
	"integrity_opinion" text,
	"integrity_on" date,
	"tenure_id" bigint,
	"probation_end" date,
	"revoked_on" date,
	"revoke_reason" text,
	"stop_reason" text,
	"elected" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"step" text DEFAULT 'proposed' NOT NULL,
	"deciding_body" text NOT NULL,
	"position_ids" bigint[] NOT NULL,
	"proposed_on" date NOT NULL,
	"plan" text,
	"recommendation" jsonb,
	"inspection" jsonb,
	"meeting" jsonb,
	"notice_code" text,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"notice_contact" text,
	"dispatch_code" text,
	"dispatch_on" date,
	"stopped_on" date,
	"stop_reason" text,
	"subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" bigint,
	"user_name" text,
	"reason" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "appointment_objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"candidate_id" bigint NOT NULL,
	"petition_id" bigint NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"concluded_on" date NOT NULL,
	"user_id" bigint
);
--> statement-breakpoint
CREATE TABLE "appointment_responsibles" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"role" text NOT NULL,
	"cadre_id" bigint,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "appointment_candidates_case_idx" ON "appointment_candidates" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "appointment_candidates_cadre_idx" ON "appointment_candidates" USING btree ("cadre_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_cases_code_uq" ON "appointment_cases" USING btree ("org_id","year","seq");--> statement-breakpoint
CREATE INDEX "appointment_cases_org_idx" ON "appointment_cases" USING btree ("org_id","year","step");--> statement-breakpoint
CREATE INDEX "appointment_cases_subjects_idx" ON "appointment_cases" USING gin ("subject_cadre_ids");--> statement-breakpoint
CREATE INDEX "appointment_cases_notice_idx" ON "appointment_cases" USING btree ("notice_starts_on","notice_ends_on");--> statement-breakpoint
CREATE INDEX "appointment_events_case_idx" ON "appointment_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_objections_uq" ON "appointment_objections" USING btree ("candidate_id","petition_id");--> statement-breakpoint
CREATE INDEX "appointment_responsibles_case_idx" ON "appointment_responsibles" USING btree ("case_id");