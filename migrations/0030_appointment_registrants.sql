CREATE TABLE "appointment_registrants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"position_id" bigint NOT NULL,
	"cadre_id" bigint,
	"name" text NOT NULL,
	"facts" jsonb,
	"registered_on" date NOT NULL,
	"qualification" text,
	"qualification_reason" text,
	"qualified_by" bigint,
	"eligibility_verdict" text,
	"eligibility_reasons" text,
	"override_reason" text,
	"override_by" bigint,
	"exam_score" numeric,
	"interview_score" numeric
);
--> statement-breakpoint
CREATE INDEX "appointment_registrants_case_idx" ON "appointment_registrants" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_registrants_cadre_uq" ON "appointment_registrants" USING btree ("case_id","position_id","cadre_id") WHERE "appointment_registrants"."cadre_id" is not null;--> statement-breakpoint
CREATE INDEX "appointment_cases_list_idx" ON "appointment_cases" USING btree ("proposed_on","id");--> statement-breakpoint
CREATE INDEX "appointment_cases_org_list_idx" ON "appointment_cases" USING btree ("org_id","proposed_on","id");