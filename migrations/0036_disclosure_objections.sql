CREATE TABLE "disclosure_objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"disclosure_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"text" text NOT NULL,
	"receipt_digest" text NOT NULL,
	"form_key" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" bigint,
	"escalated_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_objections_receipt_uq" ON "disclosure_objections" USING btree ("receipt_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_objections_form_uq" ON "disclosure_objections" USING btree ("form_key");--> statement-breakpoint
CREATE INDEX "disclosure_objections_org_idx" ON "disclosure_objections" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "disclosure_objections_open_idx" ON "disclosure_objections" USING btree ("due_on") WHERE answered_on is null;