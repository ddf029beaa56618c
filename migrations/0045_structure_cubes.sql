CREATE TABLE "structure_cubes" (
	"org_id" bigint NOT NULL,
	"day" date NOT NULL,
	"level" text NOT NULL,
	"path" text NOT NULL,
	"figures" text NOT NULL,
	"headline" integer[] NOT NULL,
	"counts" jsonb,
	"levels" text[],
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structure_cubes_org_id_day_level_pk" PRIMARY KEY("org_id","day","level")
);
--> statement-breakpoint
-- 素质结构's stored counts (docs/decisions/assessments.md) are dropped, in the writer's transaction,
-- for every subtree and day a change reaches: the rows of the org's ancestors (their path a prefix
-- of its path) from the first day the change alters. The writer holds every ancestor's advisory
-- lock (class 7432) shared to its commit; a build takes its org's lock exclusively and without
-- waiting, so nothing is stored from data a running writer is about to change.
CREATE OR REPLACE FUNCTION structure_stale(paths text[], days date[]) RETURNS void AS $$
BEGIN
  IF paths IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(7432, a::int)
  FROM (SELECT DISTINCT a FROM unnest(paths) AS u(p),
          unnest(string_to_array(trim(both '/' from p), '/')::bigint[]) AS a
        WHERE p <> '' ORDER BY a) x;
  DELETE FROM structure_cubes k
  USING (SELECT p, min(d) AS d FROM unnest(paths, days) AS u(p, d) WHERE p <> '' GROUP BY p) c
  WHERE c.p LIKE k.path || '%' AND k.day >= c.d;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- a tenure counts on the days from its start to its end: an insert or a delete from its start; an
-- update that only moves the end from the earlier end, any other change from the earlier start
CREATE OR REPLACE FUNCTION tenures_structure_stale() RETURNS trigger AS $$
DECLARE
  ps text[];
  ds date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(o.path), array_agg(r.start_date) INTO ps, ds FROM new_rows r JOIN orgs o ON o.id = r.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.path), array_agg(r.start_date) INTO ps, ds FROM old_rows r JOIN orgs o ON o.id = r.org_id;
  ELSE
    SELECT array_agg(o.path), array_agg(x.d) INTO ps, ds
    FROM (SELECT b.org_id AS a_org, n.org_id AS n_org,
            CASE WHEN b.org_id IS NOT DISTINCT FROM n.org_id AND b.cadre_id = n.cadre_id
                   AND b.level IS NOT DISTINCT FROM n.level AND b.start_date = n.start_date
                 THEN CASE WHEN b.end_date IS NOT DISTINCT FROM n.end_date THEN NULL
                           ELSE least(b.end_date, n.end_date) END
                 ELSE least(b.start_date, n.start_date) END AS d
          FROM old_rows b JOIN new_rows n ON n.id = b.id) x
    JOIN orgs o ON o.id = x.a_org OR o.id = x.n_org
    WHERE x.d IS NOT NULL;
  END IF;
  PERFORM structure_stale(ps, ds);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tenures_structure_stale_ins AFTER INSERT ON tenures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenures_structure_stale();
--> statement-breakpoint
CREATE TRIGGER tenures_structure_stale_upd AFTER UPDATE ON tenures
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenures_structure_stale();
--> statement-breakpoint
CREATE TRIGGER tenures_structure_stale_del AFTER DELETE ON tenures
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenures_structure_stale();
--> statement-breakpoint
-- a cadre's counted attributes (gender, birth date, education, ethnicity, political status, deleted)
-- are not dated: a change reaches every day of every org where the cadre holds or held a post
CREATE OR REPLACE FUNCTION cadres_structure_stale() RETURNS trigger AS $$
DECLARE
  ps text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT o.path) INTO ps
    FROM new_rows r JOIN tenures t ON t.cadre_id = r.id JOIN orgs o ON o.id = t.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.path) INTO ps
    FROM old_rows r JOIN tenures t ON t.cadre_id = r.id JOIN orgs o ON o.id = t.org_id;
  ELSE
    SELECT array_agg(DISTINCT o.path) INTO ps
    FROM old_rows b JOIN new_rows n ON n.id = b.id JOIN tenures t ON t.cadre_id = n.id JOIN orgs o ON o.id = t.org_id
    WHERE (b.gender, b.birth_date, b.education, b.ethnicity, b.political_status, b.deleted_at)
      IS DISTINCT FROM (n.gender, n.birth_date, n.education, n.ethnicity, n.political_status, n.deleted_at);
  END IF;
  PERFORM structure_stale(ps, array(SELECT '-infinity'::date FROM unnest(ps)));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cadres_structure_stale_ins AFTER INSERT ON cadres
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cadres_structure_stale();
--> statement-breakpoint
CREATE TRIGGER cadres_structure_stale_upd AFTER UPDATE ON cadres
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cadres_structure_stale();
--> statement-breakpoint
CREATE TRIGGER cadres_structure_stale_del AFTER DELETE ON cadres
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cadres_structure_stale();
--> statement-breakpoint
-- an org moved (its path changed) or deleted changes which tenures its subtree and its old and new
-- ancestors hold: every stored row goes, under the exclusive lock (7432, 0) that a build takes shared
CREATE OR REPLACE FUNCTION orgs_structure_stale() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows b JOIN new_rows n ON n.id = b.id WHERE b.path IS DISTINCT FROM n.path) THEN
      RETURN NULL;
    END IF;
  END IF;
  PERFORM pg_advisory_xact_lock(7432, 0);
  DELETE FROM structure_cubes;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_structure_stale_upd AFTER UPDATE ON orgs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orgs_structure_stale();
--> statement-breakpoint
CREATE TRIGGER orgs_structure_stale_del AFTER DELETE ON orgs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orgs_structure_stale();
