ALTER TABLE "appointment_registrants" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "appointment_registrants" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "appointment_registrants" ADD COLUMN "withdrawn_by" bigint;