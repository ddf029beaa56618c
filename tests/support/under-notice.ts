import { onTestFinished } from 'vitest';
import {
  setUnderNoticeSource,
  type UnderNoticeSource,
} from '../../src/server/modules/petitions/under-notice.js';

/**
 * Stands in for the appointments module's answer to "who is under 任前公示" until the current test
 * ends, then puts the real one back: the module sets it once when it is imported, and a later test
 * file in the same worker relies on it.
 */
export function standInUnderNotice(s: UnderNoticeSource): void {
  const real = setUnderNoticeSource(s);
  onTestFinished(() => {
    setUnderNoticeSource(real);
  });
}
