import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobs } from '../../src/server/jobs.js';
import { petitionAttachments } from '../../src/server/modules/petitions/schema.js';
import { checkFile, keepFile, PORTAL_UPLOADS } from '../../src/server/platform/files/store.js';
import { fileKeyColumns, ORPHAN_GRACE_MS, sweepOrphanFiles } from '../../src/server/platform/files/sweep.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { anonymousReport, jpeg, portalWorld, submitReport } from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Stored files that no row refers to (a refused upload, a rolled-back transaction) are swept after a grace period. */
let t: TestApp;
let w: Awaited<ReturnType<typeof portalWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await portalWorld(t);
});
afterAll(async () => t.close());

const file = (key: string) => path.join(t.ctx.config.dataDir, 'files', key);
/** Sets a file's modification time to `ms` before the fake clock's now. */
const age = (key: string, ms: number) => {
  const when = new Date(t.clock.now().getTime() - ms);
  utimesSync(file(key), when, when);
};

describe('the orphan file sweep', () => {
  it('removes old files no row refers to and old temporary files; keeps referenced and recent ones', async () => {
    const res = await submitReport(t, anonymousReport(w.town.id), [
      { name: '证据.jpg', bytes: jpeg('kept') },
    ]);
    expect(res.statusCode).toBe(200);
    const [attached] = await t.ctx.db
      .select()
      .from(petitionAttachments)
      .where(eq(petitionAttachments.fileName, '证据.jpg'));
    const orphan = await keepFile(t.ctx, checkFile(jpeg('orphan'), 'o.jpg', PORTAL_UPLOADS));
    const young = await keepFile(t.ctx, checkFile(jpeg('young'), 'y.jpg', PORTAL_UPLOADS));
    const tmp = `${orphan.storageKey}.abc123.tmp`;
    writeFileSync(file(tmp), 'half');
    const stray = '26/not-a-key.txt';
    writeFileSync(file(stray), 'left alone');
    for (const key of [attached.storageKey, orphan.storageKey, tmp, stray])
      age(key, ORPHAN_GRACE_MS + 60_000);
    age(young.storageKey, ORPHAN_GRACE_MS - 60_000);

    const removed = await sweepOrphanFiles(t.ctx);
    expect(removed.sort()).toEqual([orphan.storageKey, tmp].sort());
    expect(existsSync(file(orphan.storageKey))).toBe(false);
    expect(existsSync(file(tmp))).toBe(false);
    expect(existsSync(file(attached.storageKey))).toBe(true);
    expect(existsSync(file(young.storageKey))).toBe(true);
    expect(existsSync(file(stray))).toBe(true);
  });

  it('does not take an old orphan that is being kept again (it is touched)', async () => {
    const bytes = jpeg('again');
    const first = await keepFile(t.ctx, checkFile(bytes, 'a.jpg', PORTAL_UPLOADS));
    age(first.storageKey, ORPHAN_GRACE_MS * 3);
    await keepFile(t.ctx, checkFile(bytes, 'a.jpg', PORTAL_UPLOADS));
    expect(await sweepOrphanFiles(t.ctx)).not.toContain(first.storageKey);
    expect(existsSync(file(first.storageKey))).toBe(true);
  });

  it('looks in every storage_key column, and runs daily with the other jobs', async () => {
    expect(fileKeyColumns().length).toBeGreaterThan(0);
    registerJobs();
    const names = registeredJobs().recurring.map((j) => j.name);
    expect(names).toContain('files.sweep');
  });
});
