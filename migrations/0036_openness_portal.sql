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
CREATE TABLE "leader_contacts" (
	"tenure_id" bigint PRIMARY KEY NOT NULL,
	"duties" text,
	"office_phone" text,
	"hours" text,
	"mobile_consent" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledge_followers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pledge_id" bigint NOT NULL,
	"code_digest" text NOT NULL,
	"phone_enc" text,
	"phone_digest" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "search_tokens" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_objections_receipt_uq" ON "disclosure_objections" USING btree ("receipt_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_objections_form_uq" ON "disclosure_objections" USING btree ("form_key");--> statement-breakpoint
CREATE INDEX "disclosure_objections_org_idx" ON "disclosure_objections" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "disclosure_objections_open_idx" ON "disclosure_objections" USING btree ("due_on") WHERE answered_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_followers_code_uq" ON "pledge_followers" USING btree ("code_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_followers_phone_uq" ON "pledge_followers" USING btree ("pledge_id","phone_digest");--> statement-breakpoint
CREATE INDEX "pledge_followers_pledge_idx" ON "pledge_followers" USING btree ("pledge_id");--> statement-breakpoint
CREATE INDEX "disclosures_portal_idx" ON "disclosures" USING btree ("org_id","item_type_id","published_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status in ('published', 'withdrawn');--> statement-breakpoint
CREATE INDEX "disclosures_portal_search_idx" ON "disclosures" USING gin ("search_tokens") WHERE status = 'published';