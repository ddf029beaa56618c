CREATE TABLE "dynamic_round_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" bigint NOT NULL,
	"subject_org_id" bigint NOT NULL,
	"item_key" text NOT NULL,
	"stage" text NOT NULL,
	"points" numeric(7, 2) NOT NULL,
	"evidence" text,
	"comment" text,
	"scorer_user_id" bigint NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dynamic_rounds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"system_id" bigint NOT NULL,
	"cadence" text NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"title" text NOT NULL,
	"subject_org_ids" bigint[] NOT NULL,
	"items" jsonb NOT NULL,
	"bonus_cap" numeric(7, 2) NOT NULL,
	"deduction_cap" numeric(7, 2) NOT NULL,
	"stage" text DEFAULT 'self' NOT NULL,
	"deadlines" jsonb NOT NULL,
	"results" jsonb,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dynamic_round_lines_idx" ON "dynamic_round_lines" USING btree ("round_id","subject_org_id","stage","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "dynamic_rounds_period_idx" ON "dynamic_rounds" USING btree ("system_id","period");