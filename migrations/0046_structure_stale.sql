ALTER TABLE "structure_cubes" ADD COLUMN "stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "structure_cubes" ADD COLUMN "asked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "structure_cubes_stale_idx" ON "structure_cubes" USING btree ("org_id","level") WHERE "structure_cubes"."stale";--> statement-breakpoint
-- 素质结构's stored counts are no longer deleted when a change reaches them but marked stale, in the
-- writer's transaction, under the same ancestor locks: a reader treats a stale row as missing, and
-- the refresh job (assessment.structure_refresh) builds exactly those rows again, so the first view
-- after a write finds them built (docs/decisions/assessments.md).
CREATE OR REPLACE FUNCTION structure_stale(paths text[], days date[]) RETURNS void AS $$
BEGIN
  IF paths IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(7432, a::int)
  FROM (SELECT DISTINCT a FROM unnest(paths) AS u(p),
          unnest(string_to_array(trim(both '/' from p), '/')::bigint[]) AS a
        WHERE p <> '' ORDER BY a) x;
  UPDATE structure_cubes k SET stale = true
  FROM (SELECT p, min(d) AS d FROM unnest(paths, days) AS u(p, d) WHERE p <> '' GROUP BY p) c
  WHERE c.p LIKE k.path || '%' AND k.day >= c.d AND NOT k.stale;
END;
$$ LANGUAGE plpgsql;
