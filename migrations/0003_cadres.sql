CREATE TABLE "seeded_permissions" (
	"permission" text PRIMARY KEY NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"ethnicity" text,
	"native_place" text,
	"birth_place" text,
	"party_join_date" text,
	"work_start_date" text,
	"political_status" text,
	"health" text,
	"professional_title" text,
	"expertise" text,
	"education" text,
	"full_time_education" text,
	"full_time_degree" text,
	"full_time_school" text,
	"full_time_degree_school" text,
	"part_time_education" text,
	"part_time_degree" text,
	"part_time_school" text,
	"part_time_degree_school" text,
	"current_position" text,
	"resume" text,
	"rewards" text,
	"annual_reviews" text,
	"id_number_enc" text,
	"id_number_digest" text,
	"id_number_masked" text,
	"phone" text,
	"photo" "bytea",
	"photo_type" text,
	"status" text DEFAULT 'active' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "concurrent_posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cadre_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departure_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cadre_id" bigint NOT NULL,
	"tenure_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"left_on" date NOT NULL,
	"reason" text NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_members" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cadre_id" bigint NOT NULL,
	"relation" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" text,
	"political_status" text,
	"work_unit" text,
	"user_id" bigint,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"message" text,
	"result" text,
	"error_file" "bytea",
	"pending" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"is_principal" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tenures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cadre_id" bigint NOT NULL,
	"position_id" bigint,
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"level" text,
	"is_principal" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"probation_end" date,
	"appointment_id" bigint,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cadres_org_status_idx" ON "cadres" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "cadres_name_idx" ON "cadres" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_initials_idx" ON "cadres" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_pinyin_idx" ON "cadres" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_id_digest_idx" ON "cadres" USING btree ("id_number_digest");--> statement-breakpoint
CREATE INDEX "cadres_birth_idx" ON "cadres" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "concurrent_posts_cadre_idx" ON "concurrent_posts" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "departure_events_open_idx" ON "departure_events" USING btree ("consumed_at");--> statement-breakpoint
CREATE INDEX "family_members_cadre_idx" ON "family_members" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "family_members_user_idx" ON "family_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "positions_org_idx" ON "positions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "tenures_cadre_idx" ON "tenures" USING btree ("cadre_id","start_date");--> statement-breakpoint
CREATE INDEX "tenures_position_idx" ON "tenures" USING btree ("position_id","end_date");