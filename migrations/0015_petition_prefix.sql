-- 信访编号前缀: each org's own, unique across the tree; null until set or first needed (the
-- numbers already given are never rewritten).
ALTER TABLE "orgs" ADD COLUMN "petition_prefix" text;--> statement-breakpoint
CREATE UNIQUE INDEX "orgs_petition_prefix_uq" ON "orgs" USING btree ("petition_prefix") WHERE petition_prefix is not null;
--> statement-breakpoint
-- Search finds a petition by its number and by the cadres it names (petitionSearchTokens in
-- src/domain/petition-code.ts): the tokens of the code and of each petition_subjects.name are added
-- to those already stored (title, content, reply), as searchTokens writes them (see 0008 for the
-- SQL form of the tokenizer). tests/integration/petition-numbers.test.ts checks it against
-- petitionSearchTokens.
UPDATE "petitions" SET "search_tokens" = ARRAY(
	SELECT unnest("petitions"."search_tokens")
	UNION
	SELECT substr(h.run[1], i.n, k.len)
	FROM (SELECT "petitions"."code" AS src UNION ALL SELECT s."name" FROM "petition_subjects" s WHERE s."petition_id" = "petitions"."id") AS x
	CROSS JOIN LATERAL regexp_matches(normalize(x.src, NFKC), '[\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u3005\u3007\u3021-\u3029\u3038-\u303B\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFA6D\uFA70-\uFAD9\U00016FE2-\U00016FE3\U00016FF0-\U00016FF6\U00020000-\U0002A6DF\U0002A700-\U0002B81D\U0002B820-\U0002CEAD\U0002CEB0-\U0002EBE0\U0002EBF0-\U0002EE5D\U0002F800-\U0002FA1D\U00030000-\U0003134A\U00031350-\U00033479]+', 'g') AS h(run)
	CROSS JOIN LATERAL generate_series(1, char_length(h.run[1])) AS i(n)
	CROSS JOIN (VALUES (1), (2)) AS k(len)
	WHERE i.n + k.len - 1 <= char_length(h.run[1])
	UNION
	SELECT translate(w.word[1], 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
	FROM (SELECT "petitions"."code" AS src UNION ALL SELECT s."name" FROM "petition_subjects" s WHERE s."petition_id" = "petitions"."id") AS x
	CROSS JOIN LATERAL regexp_matches(replace(normalize(x.src, NFKC), U&'\0130', 'i' || U&'\0307'), '[A-Za-z0-9]+', 'g') AS w(word)
);
