DROP INDEX "accountability_records_order_idx";--> statement-breakpoint
DROP INDEX "accountability_records_status_order_idx";--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "register_on" date GENERATED ALWAYS AS (coalesce(decided_on, (created_at at time zone 'Asia/Shanghai')::date)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "accountability_records_order_idx" ON "accountability_records" USING btree (("decided_on" is null),"register_on","id","org_id");--> statement-breakpoint
CREATE INDEX "accountability_records_status_order_idx" ON "accountability_records" USING btree ("status",("decided_on" is null),"register_on","id","org_id");