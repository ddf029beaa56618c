CREATE INDEX "cadres_org_pinyin_idx" ON "cadres" USING btree ("org_id","name_pinyin");--> statement-breakpoint
CREATE INDEX "cadres_pinyin_order_idx" ON "cadres" USING btree ("name_pinyin");