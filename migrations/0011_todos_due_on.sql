ALTER TABLE "todos" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "todos" ADD COLUMN "kind" text DEFAULT 'step' NOT NULL;--> statement-breakpoint
-- due_at was the end of the due day in China (the next day's 00:00 at UTC+8): the due date is the day before that instant
UPDATE "todos" SET "due_on" = (("due_at" AT TIME ZONE 'UTC') + interval '8 hours' - interval '1 millisecond')::date WHERE "due_at" IS NOT NULL;
