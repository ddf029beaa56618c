CREATE TABLE "policies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"issuing_body" text NOT NULL,
	"category" text,
	"status" text DEFAULT 'in_force' NOT NULL,
	"current_version_no" integer DEFAULT 1 NOT NULL,
	"repealed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_read_assignments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"policy_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_reads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"assignment_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"due_from" date NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_on" date,
	"quiz_score" integer,
	"quiz_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"policy_id" bigint NOT NULL,
	"version_no" integer NOT NULL,
	"adopted_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"status" text DEFAULT 'in_force' NOT NULL,
	"body" text NOT NULL,
	"rule_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"change_note" text,
	"quiz" jsonb,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "policies_org_idx" ON "policies" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "policy_read_assignments_policy_idx" ON "policy_read_assignments" USING btree ("policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_reads_uq" ON "policy_reads" USING btree ("assignment_id","user_id");--> statement-breakpoint
CREATE INDEX "policy_reads_user_idx" ON "policy_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "policy_reads_org_idx" ON "policy_reads" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_no_uq" ON "policy_versions" USING btree ("policy_id","version_no");--> statement-breakpoint
CREATE INDEX "policy_versions_adopted_idx" ON "policy_versions" USING btree ("adopted_on");