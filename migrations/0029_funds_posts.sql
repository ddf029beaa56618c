ALTER TABLE "positions" ADD COLUMN "manages_funds" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenures" ADD COLUMN "manages_funds" boolean DEFAULT false NOT NULL;