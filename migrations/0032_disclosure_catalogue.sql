CREATE TABLE "disclosure_due_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"item_type_id" bigint NOT NULL,
	"period" text,
	"matter" text,
	"decided_on" date,
	"due_on" date NOT NULL,
	"disclosure_id" bigint,
	"published_on" date,
	"escalated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"disclosure_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"user_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_item_types" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"content" text NOT NULL,
	"basis" text NOT NULL,
	"time_limit" text NOT NULL,
	"subject" text NOT NULL,
	"channel" text NOT NULL,
	"audience" text NOT NULL,
	"mode" text DEFAULT 'active' NOT NULL,
	"timing" text NOT NULL,
	"rule_key" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"item_type_id" bigint NOT NULL,
	"due_item_id" bigint,
	"period" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"finance" jsonb,
	"index_no" text,
	"issuing_body" text NOT NULL,
	"issued_on" date,
	"doc_number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_on" date,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_due_items_period_uq" ON "disclosure_due_items" USING btree ("org_id","item_type_id","period") WHERE period is not null;--> statement-breakpoint
CREATE INDEX "disclosure_due_items_open_idx" ON "disclosure_due_items" USING btree ("due_on") WHERE published_on is null;--> statement-breakpoint
CREATE INDEX "disclosure_due_items_org_idx" ON "disclosure_due_items" USING btree ("org_id","due_on");--> statement-breakpoint
CREATE INDEX "disclosure_events_disclosure_idx" ON "disclosure_events" USING btree ("disclosure_id","at");--> statement-breakpoint
CREATE INDEX "disclosure_item_types_level_idx" ON "disclosure_item_types" USING btree ("level","sort");--> statement-breakpoint
CREATE INDEX "disclosures_org_idx" ON "disclosures" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "disclosures_review_idx" ON "disclosures" USING btree ("status") WHERE status = 'in_review';--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_index_no_uq" ON "disclosures" USING btree ("index_no");--> statement-breakpoint
INSERT INTO "disclosure_item_types" ("level", "name", "content", "basis", "time_limit", "subject", "channel", "audience", "mode", "timing", "rule_key", "sort") VALUES
('village', '村级财务收支', '本月各项收入、支出明细及收支合计、结余；集体资金、资产、资源收支情况', '《中华人民共和国村民委员会组织法》第三十条；《村级财务管理规范》', '按月公开，次月 10 日前', '村民委员会', '村务公开栏；村务公开平台', '本村村民', 'active', 'monthly', 'disclosure.period_deadline_day', 10),
('village', '村务一般事项', '村级工作计划及完成情况、惠农补贴发放、低保五保评定、计划生育、宅基地审批等事项', '《中华人民共和国村民委员会组织法》第三十条', '按季度公开，下季度首月 10 日前', '村民委员会', '村务公开栏；村务公开平台', '本村村民', 'active', 'quarterly', 'disclosure.period_deadline_day', 20),
('village', '村级重大事项', '“四议两公开”事项：决议内容、实施方案、实施过程和结果', '《中华人民共和国村民委员会组织法》第二十四条、第三十条', '事项决定后 5 日内及时公开', '村民委员会', '村务公开栏；村民会议；村务公开平台', '本村村民', 'active', 'within_days', 'disclosure.major_matter', 30),
('township', '政府信息（主动公开）', '机构职能、规范性文件、财政预决算、重大建设项目、民生政策等政府信息', '《中华人民共和国政府信息公开条例》第二十条、第二十六条', '信息形成或变更之日起 20 个工作日内', '镇人民政府', '政府网站；政务公开栏', '社会公众', 'active', 'within_working_days', 'disclosure.government_info', 40),
('township', '领导班子成员及分工', '镇领导班子成员姓名、职务、分工、办公电话', '《中华人民共和国政府信息公开条例》第二十条', '长期公开，变动后及时更新', '镇党委、镇人民政府', '政务公开栏；政府网站', '社会公众', 'active', 'none', NULL, 50),
('township', '政府信息（依申请公开）', '申请人申请公开的政府信息', '《中华人民共和国政府信息公开条例》第三十三条', '收到申请之日起 20 个工作日内答复', '镇人民政府', '书面答复', '申请人', 'on_request', 'within_working_days', 'disclosure.government_info', 60),
('department', '职责范围、办事程序和服务承诺', '职责范围、工作标准、服务承诺、办事依据、条件、程序和时限', '《中华人民共和国政府信息公开条例》第二十条', '长期公开，变动后及时更新', '各站所', '事务公开栏；政府网站', '社会公众', 'active', 'none', NULL, 70),
('department', '办事结果', '本季度受理和办结的事项及其结果', '《中华人民共和国政府信息公开条例》第二十条', '按季度公开，下季度首月 10 日前', '各站所', '事务公开栏', '社会公众', 'active', 'quarterly', 'disclosure.period_deadline_day', 80);
