import { defineConfig } from 'vitest/config';
import DemoLastSequencer from './tests/support/sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // one module graph per worker, not per file: importing the server again for each of ~190 files
    // cost about a third of the run. A test that changes something module-wide (a registry, a
    // stand-in source) puts it back when it ends (tests/support/under-notice.ts, registerFigures'
    // and registerCadreProvider's undo); a scheduler in a test names its jobs.
    isolate: false,
    fileParallelism: true,
    maxWorkers: 2,
    // the demo snapshot is built beside the run from its start; the files that need it go last
    globalSetup: ['tests/support/global-setup.ts'],
    sequence: { sequencer: DemoLastSequencer },
  },
});
