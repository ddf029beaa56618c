CREATE TABLE "login_failures" (
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"unlock_failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "login_failures_username_ip_pk" PRIMARY KEY("username","ip")
);
--> statement-breakpoint
CREATE TABLE "totp_failures" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "totp_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "login_failures_last_idx" ON "login_failures" USING btree ("username","last_at");--> statement-breakpoint
-- Org names become unique under their parent (top level counts as parent 0) among live orgs.
-- A database may already hold duplicates, which would make the index fail and the server refuse to
-- start. So first, deterministically: within each group of live orgs with the same parent and name,
-- the oldest (lowest id) keeps the name and each later one gets "（2）", "（3）", … (the next number
-- not already taken), with its version raised so an open edit form sees the change.
DO $$
DECLARE
  r record;
  n integer;
  candidate text;
BEGIN
  FOR r IN
    SELECT o.id, o.parent_id, o.name
    FROM orgs o
    WHERE o.deleted_at IS NULL
      AND EXISTS (
        SELECT 1 FROM orgs d
        WHERE d.deleted_at IS NULL
          AND coalesce(d.parent_id, 0) = coalesce(o.parent_id, 0)
          AND d.name = o.name
          AND d.id < o.id)
    ORDER BY o.id
  LOOP
    n := 2;
    LOOP
      candidate := r.name || '（' || n || '）';
      EXIT WHEN NOT EXISTS (
        SELECT 1 FROM orgs d
        WHERE d.deleted_at IS NULL
          AND coalesce(d.parent_id, 0) = coalesce(r.parent_id, 0)
          AND d.name = candidate);
      n := n + 1;
    END LOOP;
    UPDATE orgs SET name = candidate, version = version + 1 WHERE id = r.id;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX "orgs_parent_name_uq" ON "orgs" USING btree (coalesce("parent_id", 0),"name") WHERE "orgs"."deleted_at" is null;