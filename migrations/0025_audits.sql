CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"item_id" bigint,
	"action" text NOT NULL,
	"occurred_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" bigint,
	"user_name" text,
	"reason" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "audit_findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"unit_org_id" bigint NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint,
	"basis" text NOT NULL,
	"problem_type" text NOT NULL,
	"severity" text NOT NULL,
	"recommendation" text NOT NULL,
	"responsible" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsible_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"repeat_of_id" bigint,
	"found_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"finding_id" bigint,
	"unit_org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"achieved_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "econ_audits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"plan_id" bigint,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"subject_cadre_id" bigint,
	"subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"auditor_user_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"notice_no" text,
	"notice_on" date,
	"started_on" date,
	"reported_on" date,
	"report_no" text,
	"report_file_id" bigint,
	"opinion" text,
	"amount_fen" bigint,
	"departure_event_id" bigint,
	"tenure_id" bigint,
	"closed_on" date,
	"dismiss_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"unit_org_id" bigint NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"checked" text NOT NULL,
	"item_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"result" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_meetings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"audit_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"minutes" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" bigint NOT NULL,
	"content" text NOT NULL,
	"assignee_org_id" bigint NOT NULL,
	"assignee_role" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_note" text,
	"done_by" bigint
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"finding_id" bigint NOT NULL,
	"audit_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"unit_org_id" bigint NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"issued_on" date NOT NULL,
	"plan_due_on" date,
	"planned_on" date,
	"measures" text,
	"responsible_unit" text,
	"responsible_person" text,
	"deadline" date,
	"progress" text,
	"last_report_on" date,
	"next_report_due" date,
	"evidence" text,
	"evidence_file_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"applied_on" date,
	"continue_reason" text,
	"next_checkpoint" date,
	"verdict" text,
	"closed_on" date,
	"closed_by" bigint,
	"due_on" date,
	"subject_cadre_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_audit_idx" ON "audit_events" USING btree ("audit_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_item_idx" ON "audit_events" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "audit_findings_audit_idx" ON "audit_findings" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "audit_findings_unit_idx" ON "audit_findings" USING btree ("unit_org_id","problem_type");--> statement-breakpoint
CREATE INDEX "audit_findings_responsible_idx" ON "audit_findings" USING gin ("responsible_cadre_ids");--> statement-breakpoint
CREATE INDEX "audit_outcomes_audit_idx" ON "audit_outcomes" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "audit_plans_org_idx" ON "audit_plans" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "econ_audits_org_idx" ON "econ_audits" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "econ_audits_subjects_idx" ON "econ_audits" USING gin ("subject_cadre_ids");--> statement-breakpoint
CREATE INDEX "econ_audits_departure_idx" ON "econ_audits" USING btree ("departure_event_id");--> statement-breakpoint
CREATE INDEX "follow_up_visits_unit_idx" ON "follow_up_visits" USING btree ("unit_org_id","visited_on");--> statement-breakpoint
CREATE INDEX "joint_meetings_org_idx" ON "joint_meetings" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "rectification_items_org_idx" ON "rectification_items" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "rectification_items_unit_idx" ON "rectification_items" USING btree ("unit_org_id","status");--> statement-breakpoint
CREATE INDEX "rectification_items_finding_idx" ON "rectification_items" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "rectification_items_audit_idx" ON "rectification_items" USING btree ("audit_id");