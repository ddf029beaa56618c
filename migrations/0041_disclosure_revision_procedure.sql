DROP INDEX "disclosures_published_order_idx";--> statement-breakpoint
ALTER TABLE "disclosure_item_types" ADD COLUMN "procedure" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "procedure" jsonb;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "revision" jsonb;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "revision_status" text;--> statement-breakpoint
CREATE INDEX "disclosures_revision_review_idx" ON "disclosures" USING btree ("revision_status") WHERE revision_status = 'in_review';--> statement-breakpoint
CREATE INDEX "disclosures_published_order_idx" ON "disclosures" USING btree ("published_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'published';--> statement-breakpoint
INSERT INTO "disclosure_item_types" ("level", "name", "content", "basis", "time_limit", "subject", "channel", "audience", "mode", "timing", "rule_key", "sort", "procedure") VALUES
('township', '办事程序', '便民服务事项的办事依据、条件、程序和时限', '《中华人民共和国政府信息公开条例》第二十条', '长期公开，变动后及时更新', '镇人民政府', '便民服务中心；政务公开栏；政府网站', '社会公众', 'active', 'none', NULL, 55, true),
('department', '办事程序', '本站所办理事项的办事依据、条件、程序和时限', '《中华人民共和国政府信息公开条例》第二十条', '长期公开，变动后及时更新', '各站所', '事务公开栏；政府网站', '社会公众', 'active', 'none', NULL, 75, true);
