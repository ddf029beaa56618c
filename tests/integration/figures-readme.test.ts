import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerAllFigures } from '../../src/server/figures.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';

describe('the README', () => {
  it('lists every registered figure with its label, unit and definition as the registry has them', () => {
    registerAllFigures();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(allFigures().length).toBeGreaterThan(20);
    for (const f of allFigures())
      expect(readme, f.key).toContain(`| ${'`'}${f.key}${'`'} | ${f.label} | ${f.unit} | ${f.definition} |`);
  });
});
