CREATE TABLE "annual_grades" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"cadre_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"decided_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dynamic_scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"system_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"subject_org_id" bigint NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"lines" jsonb NOT NULL,
	"base" numeric(7, 2) NOT NULL,
	"bonus" numeric(7, 2) NOT NULL,
	"deduction" numeric(7, 2) NOT NULL,
	"total" numeric(7, 2) NOT NULL,
	"vetoed_by" text,
	"scored_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_ballots" (
	"id" text PRIMARY KEY NOT NULL,
	"evaluation_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evaluation_id" bigint NOT NULL,
	"code_digest" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"electorate" integer NOT NULL,
	"held_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"codes_issued" integer DEFAULT 0 NOT NULL,
	"closed_on" date,
	"result" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_systems" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"items" jsonb NOT NULL,
	"bonus_cap" numeric(7, 2) NOT NULL,
	"deduction_cap" numeric(7, 2) NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "last_places" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"unit_org_id" bigint NOT NULL,
	"cadre_id" bigint,
	"consecutive" integer NOT NULL,
	"outcome" text NOT NULL,
	"year" integer NOT NULL,
	"accountability_record_id" bigint
);
--> statement-breakpoint
CREATE TABLE "unit_evaluation_rounds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"peer_group" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_evaluation_scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"unit_org_id" bigint NOT NULL,
	"score" numeric(7, 2) NOT NULL,
	"deduction" numeric(7, 2) DEFAULT 0 NOT NULL,
	"rank" integer NOT NULL,
	"previous_rank" integer,
	"last" boolean DEFAULT false NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_grades_cadre_year_idx" ON "annual_grades" USING btree ("cadre_id","year");--> statement-breakpoint
CREATE INDEX "annual_grades_org_year_idx" ON "annual_grades" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "dynamic_scores_subject_period_idx" ON "dynamic_scores" USING btree ("system_id","subject_org_id","period");--> statement-breakpoint
CREATE INDEX "evaluation_ballots_evaluation_idx" ON "evaluation_ballots" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_codes_digest_idx" ON "evaluation_codes" USING btree ("code_digest");--> statement-breakpoint
CREATE INDEX "evaluations_org_idx" ON "evaluations" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "evaluations_subjects_idx" ON "evaluations" USING gin ("subject_cadre_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_systems_version_idx" ON "indicator_systems" USING btree ("org_id","year","kind","version");--> statement-breakpoint
CREATE INDEX "last_places_round_idx" ON "last_places" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "last_places_cadre_idx" ON "last_places" USING btree ("cadre_id","year");--> statement-breakpoint
CREATE INDEX "unit_evaluation_rounds_org_idx" ON "unit_evaluation_rounds" USING btree ("org_id","kind","peer_group","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_evaluation_scores_round_unit_idx" ON "unit_evaluation_scores" USING btree ("round_id","unit_org_id");--> statement-breakpoint
CREATE INDEX "unit_evaluation_scores_unit_idx" ON "unit_evaluation_scores" USING btree ("unit_org_id");