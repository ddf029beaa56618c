CREATE INDEX "accountability_records_order_idx" ON "accountability_records" USING btree (coalesce("decided_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "accountability_records_status_order_idx" ON "accountability_records" USING btree ("status",coalesce("decided_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "admonitions_status_opened_idx" ON "admonitions" USING btree ("status","opened_on","id");--> statement-breakpoint
CREATE INDEX "admonitions_opened_idx" ON "admonitions" USING btree ("opened_on","id");