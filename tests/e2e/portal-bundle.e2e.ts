import { describe, expect, it } from 'vitest';
import { PORTAL_JS_BUDGET, portalFirstPageJs, webDist } from '../support/portal-bundle.js';

/** The same budget as tests/integration/portal-bundle.test.ts, here where the build always exists. */
describe('portal bundle (built)', () => {
  it(`first page loads < ${PORTAL_JS_BUDGET / 1024} KB of gzipped JavaScript`, () => {
    const built = portalFirstPageJs();
    if (!built)
      throw new Error(`${webDist}/portal.html is absent: the browser suite runs after \`npx vite build\``);
    console.info(`portal first page: ${(built.total / 1024).toFixed(1)} KB gzipped`, built.files);
    expect(built.total).toBeLessThan(PORTAL_JS_BUDGET);
  });
});
