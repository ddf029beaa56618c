import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cadreFields } from '../../modules/cadres/contract.js';
import { materialInput, submissionInput } from '../../modules/petitions/portal/contract.js';
import { registerBody } from '../../modules/petitions/workflow/register-contract.js';
import { transitionExtra } from '../../modules/petitions/workflow/transition-contract.js';
import { dayOrInstant, isoDay, isStorableText, orderedRange, text, unsafeRequestStrings } from './text.js';

describe('storable text', () => {
  it('refuses NUL and lone surrogates of either half, and keeps every real character', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'a\ud800b', '\udc00', 'x\udc00', '\ude00\ud83d'])
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['', '张三', '😀 emoji', '\ud83d\ude00', 'tab\tand\nnewline', '\u0001\u001f', '𠀀'])
      expect(isStorableText(good), JSON.stringify(good)).toBe(true);
  });

  it('text() names the problem in Chinese before any other check', () => {
    const r = text().trim().min(1, '请输入').max(5).safeParse('\u0000');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      '含有无法保存的字符（如空字符或不完整的字符），请删除后重试',
    ]);
  });

  it('days and instants must exist and lie between 1900 and 2100; ranges must not run backwards', () => {
    const day = isoDay();
    expect(day.safeParse('2026-03-02').success).toBe(true);
    expect(day.safeParse('9999-12-31').error?.issues[0].message).toBe(
      '日期应在 1900-01-01 至 2100-12-31 之间',
    );
    expect(day.safeParse('2026-02-30').error?.issues[0].message).toBe('日期不存在，请检查年月日');
    expect(day.safeParse('2026/03/02').error?.issues[0].message).toMatch(/YYYY-MM-DD/);
    const when = dayOrInstant();
    expect(when.safeParse('2026-03-02T08:00:00+08:00').success).toBe(true);
    expect(when.safeParse('2026-03-02T25:00:00Z').success).toBe(false);
    expect(when.safeParse('+275760-09-13').success).toBe(false);
    const range = z
      .object({ from: day.optional(), to: day.optional() })
      .superRefine(orderedRange('from', 'to'));
    expect(range.safeParse({ from: '2026-03-02', to: '2026-03-02' }).success).toBe(true);
    expect(range.safeParse({ from: '2026-03-03', to: '2026-03-02' }).error?.issues[0]).toMatchObject({
      path: ['to'],
      message: '不能早于开始日期',
    });
  });
});

describe('the request-schema lint', () => {
  it('finds a bare z.string() anywhere in a request schema, and passes text()', () => {
    const bad = {
      params: z.object({ id: z.string() }),
      querystring: z.object({ q: z.string().optional(), ok: text().optional() }),
      body: z.object({
        list: z.array(z.object({ name: z.string().trim() })),
        either: z.union([z.number(), z.string()]),
        pre: z.preprocess((v) => v, z.string().nullable()),
        email: z.email(),
        fine: text().trim().min(1),
        pick: z.enum(['a', 'b']),
      }),
    };
    expect(unsafeRequestStrings(bad)).toEqual([
      'params.id',
      'querystring.q',
      'body.list[].name',
      'body.either',
      'body.pre',
      'body.email',
    ]);
    expect(unsafeRequestStrings({ body: z.object({ a: text(), b: z.array(text()) }) })).toEqual([]);
  });

  it('passes the schemas that use cases parse themselves (portal forms, imports, ledger rows)', () => {
    for (const [name, schema] of Object.entries({
      submissionInput,
      materialInput,
      cadreFields,
      registerBody,
      transitionExtra,
    })) {
      expect(unsafeRequestStrings({ body: schema }), name).toEqual([]);
    }
  });

  it('no contract builds an input from a bare z.string(): only output shapes (…Out) may', () => {
    const root = path.resolve('src/server');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/contract\.ts$/.test(f)) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      // each top-level declaration with its text; an output shape is named …Out / …out
      const source = readFileSync(file, 'utf8');
      for (const decl of source.split(/\n(?=(?:export )?const )/)) {
        const name = /^(?:export )?const (\w+)/.exec(decl)?.[1];
        if (
          !name ||
          /Out$|Summary$|State$|Result$|^oneTimePassword$|^currentPost$|^postLevel$|^nullableText$/.test(name)
        )
          continue;
        if (/\bz\s*\.string\(/.test(decl)) offenders.push(`${path.relative(root, file)}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
