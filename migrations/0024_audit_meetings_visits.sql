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
CREATE INDEX "follow_up_visits_unit_idx" ON "follow_up_visits" USING btree ("unit_org_id","visited_on");--> statement-breakpoint
CREATE INDEX "joint_meetings_org_idx" ON "joint_meetings" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id");