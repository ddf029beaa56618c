ALTER TABLE "structure_cubes" ADD COLUMN "stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "structure_cubes" ADD COLUMN "asked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "structure_cubes_stale_idx" ON "structure_cubes" USING btree ("org_id","level") WHERE "structure_cubes"."stale";--> statement-breakpoint
-- 素质结构's stored counts are no longer deleted when a change reaches them but marked stale, in the
-- writer's transaction, under the same ancestor locks: a reader treats a stale row as missing, and
-- the refresh job (assessment.structure_refresh) builds exactly those rows again, so the first view
-- after a write finds them built (docs/decisions/assessments.md). A change that cannot alter the
-- levels offered (a post's end moved) leaves the levels row (day 'infinity') as it is.
DROP FUNCTION structure_stale(text[], date[]);
--> statement-breakpoint
CREATE FUNCTION structure_stale(paths text[], days date[], reach_levels boolean DEFAULT true) RETURNS void AS $$
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
  WHERE c.p LIKE k.path || '%' AND k.day >= c.d AND NOT k.stale AND (reach_levels OR k.day <> 'infinity');
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- as in 0045, and an update that only moves ends leaves the levels offered alone
CREATE OR REPLACE FUNCTION tenures_structure_stale() RETURNS trigger AS $$
DECLARE
  ps text[];
  ds date[];
  lv boolean := true;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(o.path), array_agg(r.start_date) INTO ps, ds FROM new_rows r JOIN orgs o ON o.id = r.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.path), array_agg(r.start_date) INTO ps, ds FROM old_rows r JOIN orgs o ON o.id = r.org_id;
  ELSE
    SELECT array_agg(o.path), array_agg(x.d), coalesce(bool_or(NOT x.end_only), false) INTO ps, ds, lv
    FROM (SELECT y.a_org, y.n_org, y.end_only,
            CASE WHEN NOT y.end_only THEN least(y.b_start, y.n_start)
                 WHEN y.b_end IS DISTINCT FROM y.n_end THEN least(y.b_end, y.n_end) END AS d
          FROM (SELECT b.org_id AS a_org, n.org_id AS n_org, b.start_date AS b_start, n.start_date AS n_start,
                  b.end_date AS b_end, n.end_date AS n_end,
                  b.org_id IS NOT DISTINCT FROM n.org_id AND b.cadre_id = n.cadre_id
                    AND b.level IS NOT DISTINCT FROM n.level AND b.start_date = n.start_date AS end_only
                FROM old_rows b JOIN new_rows n ON n.id = b.id) y) x
    JOIN orgs o ON o.id = x.a_org OR o.id = x.n_org
    WHERE x.d IS NOT NULL;
  END IF;
  PERFORM structure_stale(ps, ds, lv);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
