import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerAllFigures } from '../../src/server/figures.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the README's table of figures: `| \`key\` | label | unit | definition |`. */
function readmeFigureRows(): string[] {
  const start = readme.indexOf('## Statistics: the figures and their definitions');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return section.split('\n').filter((line) => /^\| `[a-z_]+\.[a-z_]+` \|/.test(line));
}

describe('the README', () => {
  it('lists every registered figure with its label, unit and definition as the registry has them', () => {
    registerAllFigures();
    expect(allFigures().length).toBeGreaterThan(20);
    for (const f of allFigures())
      expect(readme, f.key).toContain(`| ${'`'}${f.key}${'`'} | ${f.label} | ${f.unit} | ${f.definition} |`);
  });

  it('lists no figure the registry no longer has, nor one twice', () => {
    registerAllFigures();
    const registered = new Set(allFigures().map((f) => f.key));
    const keys = readmeFigureRows().map((line) => line.split('`')[1]);
    expect(keys.filter((k) => !registered.has(k))).toEqual([]);
    expect(keys.length).toBe(new Set(keys).size);
    expect(new Set(keys)).toEqual(registered);
  });
});
