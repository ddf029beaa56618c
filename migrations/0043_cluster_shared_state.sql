CREATE TABLE "portal_recent_receipts" (
	"key" text PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduler_ticks" (
	"instance_id" text PRIMARY KEY NOT NULL,
	"ticked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "portal_recent_receipts_expiry_idx" ON "portal_recent_receipts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_resets_idx" ON "rate_limit_hits" USING btree ("resets_at");