ALTER TABLE "cadres" ADD COLUMN "name_tokens" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Backfill: searchTokens(name) (src/domain/search-tokens.ts) for the cadres registered before: in the
-- name's NFKC form, each character and bigram of a Han run (the class is \p{Script=Han}, Unicode 17),
-- and each ASCII word lowercased (JavaScript lowercases İ to i + U+0307, the only letter outside ASCII
-- that becomes one inside it). tests/integration/cadres-name-search.test.ts checks it against searchTokens;
-- it differs only on the few letters Unicode 16 and 17 added with an ASCII compatibility form (𜳖),
-- which the normalize() of an older PostgreSQL does not know.
UPDATE "cadres" SET "name_tokens" = ARRAY(
	SELECT substr(h.run[1], i.n, k.len)
	FROM regexp_matches(normalize("cadres"."name", NFKC), '[\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u3005\u3007\u3021-\u3029\u3038-\u303B\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFA6D\uFA70-\uFAD9\U00016FE2-\U00016FE3\U00016FF0-\U00016FF6\U00020000-\U0002A6DF\U0002A700-\U0002B81D\U0002B820-\U0002CEAD\U0002CEB0-\U0002EBE0\U0002EBF0-\U0002EE5D\U0002F800-\U0002FA1D\U00030000-\U0003134A\U00031350-\U00033479]+', 'g') AS h(run)
	CROSS JOIN LATERAL generate_series(1, char_length(h.run[1])) AS i(n)
	CROSS JOIN (VALUES (1), (2)) AS k(len)
	WHERE i.n + k.len - 1 <= char_length(h.run[1])
	UNION
	SELECT translate(w.word[1], 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
	FROM regexp_matches(replace(normalize("cadres"."name", NFKC), U&'\0130', 'i' || U&'\0307'), '[A-Za-z0-9]+', 'g') AS w(word)
);--> statement-breakpoint
CREATE INDEX "cadres_name_tokens_idx" ON "cadres" USING gin ("name_tokens");