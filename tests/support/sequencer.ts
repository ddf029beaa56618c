import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (the longest files first, from the last run), with the files that start from the
 * demo snapshot moved to the end: `prebuild-snapshots.ts` builds it meanwhile, so no worker waits
 * for it while the other builds it.
 */
export default class DemoLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const demo = (f: TestSpecification) => startsFromDemo(f.moduleId);
    return [...sorted.filter((f) => !demo(f)), ...sorted.filter(demo)];
  }
}

const seen = new Map<string, boolean>();
function startsFromDemo(file: string): boolean {
  let v = seen.get(file);
  if (v === undefined) {
    v = readFileSync(file, 'utf8').includes('support/demo-app.js');
    seen.set(file, v);
  }
  return v;
}
