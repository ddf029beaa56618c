-- The work queue's order (running urgent cases first, then the nearest due date, then the newest),
-- carrying the columns the list's scope and filters read: a district's list chooses a page's ids by
-- walking this index alone (index-only), however deep the page, then reads 20 rows (issue 16).
-- The expressions are the list's ORDER BY (list-petitions.ts) verbatim, so the planner matches them.
CREATE INDEX "petitions_queue_idx" ON "petitions" USING btree (
  ("urgent" AND "status" NOT IN ('concluded', 'declined')) DESC,
  ("status" NOT IN ('concluded', 'declined')) DESC,
  "due_on" ASC NULLS LAST,
  "received_on" DESC,
  "id" DESC
) INCLUDE ("org_id", "status", "channel", "category", "urgent", "assigned_unit_org_id", "recusal_org_id");
