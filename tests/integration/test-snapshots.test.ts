import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { wholeSuite } from '../support/global-setup.js';
import { type Meta, once, releaseHeldLocks, SNAPSHOTS } from '../support/snapshots.js';

// The test run's snapshots live in /tmp, which outlives the databases they name: a CI run on a
// machine whose jd_* databases had been dropped by hand found the meta file, copied from a template
// that no longer existed, and failed every PostgreSQL test file.
describe('test snapshots', () => {
  const base = process.env.TEST_DATABASE_URL;
  const name = `selftest-${randomBytes(4).toString('hex')}`;
  const metaFile = path.join(SNAPSHOTS, `${name}.json`);
  const made = `jd_selftest_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    if (base) {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${made}`);
      await c.end();
    }
    rmSync(metaFile, { force: true });
    rmSync(path.join(SNAPSHOTS, `${name}.tar.gz`), { force: true });
  });

  it('builds again when the meta file names a snapshot that is gone, and reuses one that is there', async () => {
    // a meta file left by an earlier run whose template database (or tarball) is gone
    const gone: Meta = base ? { template: `jd_gone_${randomBytes(4).toString('hex')}` } : {};
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(metaFile, JSON.stringify(gone));

    let builds = 0;
    const build = async (): Promise<Meta> => {
      builds++;
      if (base) {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`create database ${made}`);
        await c.end();
        return { template: made };
      }
      writeFileSync(path.join(SNAPSHOTS, `${name}.tar.gz`), 'x');
      return { fieldKey: 'rebuilt' };
    };
    const first = await once(name, build, base);
    expect(builds).toBe(1);
    expect(first).toEqual(base ? { template: made } : { fieldKey: 'rebuilt' });
    expect(JSON.parse(readFileSync(metaFile, 'utf8'))).toEqual(first);

    const second = await once(name, build, base);
    expect(builds).toBe(1);
    expect(second).toEqual(first);
  });
});

describe('the snapshots built beside the run', () => {
  it('start only for a whole-suite run, not for some files', () => {
    expect(wholeSuite([])).toBe(true);
    expect(wholeSuite(['run'])).toBe(true);
    expect(wholeSuite(['run', 'tests/integration'])).toBe(true);
    expect(wholeSuite(['run', 'tests/integration/', '--reporter=dot'])).toBe(true);
    expect(wholeSuite(['run', 'src'])).toBe(false);
    expect(wholeSuite(['run', 'tests/integration/cli.test.ts'])).toBe(false);
  });

  it('give their lock back when stopped mid-build, so no later run waits for a stale one', async () => {
    const name = `selftest-lock-${randomBytes(4).toString('hex')}`;
    const lock = path.join(SNAPSHOTS, `${name}.lock`);
    let building!: () => void;
    const started = new Promise<void>((r) => {
      building = r;
    });
    let finish!: (m: Meta) => void;
    const pending = once(
      name,
      () =>
        new Promise<Meta>((r) => {
          finish = r;
          building();
        }),
    );
    await started;
    expect(existsSync(lock)).toBe(true);
    releaseHeldLocks(); // what the prebuild process does on SIGTERM
    expect(existsSync(lock)).toBe(false);
    finish({});
    await pending;
    rmSync(path.join(SNAPSHOTS, `${name}.json`), { force: true });
  });
});
