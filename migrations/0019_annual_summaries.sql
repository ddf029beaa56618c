CREATE TABLE "summaries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"version" integer,
	"as_of" date NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"snapshot" jsonb,
	"storage_key" text,
	"file_name" text,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "summaries_final_version_idx" ON "summaries" USING btree ("org_id","year","version") WHERE status = 'final';--> statement-breakpoint
CREATE UNIQUE INDEX "summaries_draft_idx" ON "summaries" USING btree ("org_id","year") WHERE status = 'draft';