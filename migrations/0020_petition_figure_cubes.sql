CREATE TABLE "petition_figure_cells" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "petition_figure_cells_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"as_of" date NOT NULL,
	"month" date NOT NULL,
	"category" text,
	"disposal" text,
	"n" integer NOT NULL,
	"vals" integer[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_figure_cubes" (
	"org_id" bigint NOT NULL,
	"as_of" date NOT NULL,
	"figures" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_figure_cubes_org_id_as_of_pk" PRIMARY KEY("org_id","as_of")
);
--> statement-breakpoint
ALTER TABLE "petition_figure_cells" ADD CONSTRAINT "petition_figure_cells_cube_fk" FOREIGN KEY ("org_id","as_of") REFERENCES "public"."petition_figure_cubes"("org_id","as_of") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_figure_cells_cube_idx" ON "petition_figure_cells" USING btree ("as_of","org_id");--> statement-breakpoint
-- The petition figure cubes (docs/decisions/dashboard.md) are dropped, in the writer's transaction,
-- for every org and day a change reaches: a petition counts in the days from its receipt on, an
-- event or a document in the days from its date on. The writer holds the org's advisory lock shared
-- (writers never wait for each other); a cube is built only under the same lock taken exclusively
-- and without waiting, so a cube is never built from data a running writer is about to change.
CREATE OR REPLACE FUNCTION petition_figure_stale(org_ids bigint[], days date[]) RETURNS void AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7431, o::int)
  FROM (SELECT DISTINCT o FROM unnest(org_ids) AS u(o) WHERE o IS NOT NULL ORDER BY o) x;
  DELETE FROM petition_figure_cubes k
  USING (SELECT o, min(d) AS d FROM unnest(org_ids, days) AS u(o, d) GROUP BY o) c
  WHERE k.org_id = c.o AND k.as_of >= c.d;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION petitions_figures_stale() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM petition_figure_stale(array(SELECT org_id FROM new_rows), array(SELECT received_on FROM new_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM petition_figure_stale(array(SELECT org_id FROM old_rows), array(SELECT received_on FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER petitions_figures_stale_ins AFTER INSERT ON petitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION petitions_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petitions_figures_stale_upd AFTER UPDATE ON petitions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION petitions_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petitions_figures_stale_del AFTER DELETE ON petitions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION petitions_figures_stale();
--> statement-breakpoint
-- events and documents: the org of their petition, from their date on
CREATE OR REPLACE FUNCTION petition_steps_figures_stale() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM petition_figure_stale(array(SELECT p.org_id FROM new_rows r JOIN petitions p ON p.id = r.petition_id ORDER BY r.petition_id),
      array(SELECT r.occurred_on FROM new_rows r JOIN petitions p ON p.id = r.petition_id ORDER BY r.petition_id));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM petition_figure_stale(array(SELECT p.org_id FROM old_rows r JOIN petitions p ON p.id = r.petition_id ORDER BY r.petition_id),
      array(SELECT r.occurred_on FROM old_rows r JOIN petitions p ON p.id = r.petition_id ORDER BY r.petition_id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER petition_events_figures_stale_ins AFTER INSERT ON petition_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION petition_steps_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petition_events_figures_stale_upd AFTER UPDATE ON petition_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION petition_steps_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petition_events_figures_stale_del AFTER DELETE ON petition_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION petition_steps_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petition_documents_figures_stale_ins AFTER INSERT ON petition_documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION petition_steps_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petition_documents_figures_stale_upd AFTER UPDATE ON petition_documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION petition_steps_figures_stale();
--> statement-breakpoint
CREATE TRIGGER petition_documents_figures_stale_del AFTER DELETE ON petition_documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION petition_steps_figures_stale();
