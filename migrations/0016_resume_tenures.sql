ALTER TABLE "tenures" ALTER COLUMN "org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tenures" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;