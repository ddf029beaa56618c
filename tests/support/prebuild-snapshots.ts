/**
 * Builds the suite's snapshots (the migrated database, then the demo year) in a process of its own,
 * started by `global-setup.ts` as the run begins: the demo takes a minute or more, and the files
 * that start from it run last (`sequencer.ts`), so the workers run other files meanwhile instead of
 * one building it while the other waits. Whoever asks first builds (`once` holds a lock): a worker
 * that needs a snapshot before this process is done waits for it, as it always did.
 */
import { releaseHeldLocks } from './snapshots.js';

for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    releaseHeldLocks(); // a lock left behind would hold every later run for minutes
    process.exit(1);
  });

const { migratedSnapshot } = await import('./test-app.js');
const { demoSnapshot } = await import('./demo-app.js');
const t0 = performance.now();
await migratedSnapshot();
const t1 = performance.now();
await demoSnapshot();
const t2 = performance.now();
console.log(
  `prebuild-snapshots: migrated ${((t1 - t0) / 1000).toFixed(0)} s, demo ${((t2 - t1) / 1000).toFixed(0)} s`,
);
process.exit(0);
