CREATE TABLE "pledge_followers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pledge_id" bigint NOT NULL,
	"code_digest" text NOT NULL,
	"phone_enc" text,
	"phone_digest" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_followers_code_uq" ON "pledge_followers" USING btree ("code_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_followers_phone_uq" ON "pledge_followers" USING btree ("pledge_id","phone_digest");--> statement-breakpoint
CREATE INDEX "pledge_followers_pledge_idx" ON "pledge_followers" USING btree ("pledge_id");