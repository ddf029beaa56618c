import { randomBytes, randomInt } from 'node:crypto';
import { passwordProblems } from '../../domain/password-policy.js';
import { appendAudit } from '../../server/platform/audit/append.js';
import { hashPassword } from '../../server/platform/auth/passwords.js';
import { securitySettings } from '../../server/platform/auth/security-settings.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Tx } from '../../server/platform/db/client.js';
import { accountabilityDemo } from './accountability.js';
import { admonitionsDemo } from './admonitions.js';
import { appointmentsDemo } from './appointments.js';
import { assessmentsDemo } from './assessments.js';
import { auditsDemo } from './audits.js';
import { cadresDemo } from './cadres.js';
import { opennessDemo } from './openness.js';
import { petitionsDemo } from './petitions.js';
import { platformDemo } from './platform.js';
import { pledgesDemo } from './pledges.js';
import { policiesDemo } from './policies.js';

/** What a demo step gets: the transaction, the time, and the one demo password for any account it creates. */
export interface DemoRun {
  ctx: AppContext;
  tx: Tx;
  now: Date;
  /** A fresh hash of the demo password (each account its own salt). Counts the accounts created. */
  passwordHash(): Promise<string>;
}

/**
 * One module's demo data. Later modules add theirs to DEMO_STEPS after the platform step (which
 * builds the org tree and the accounts they can look up by username or org name).
 */
export interface DemoStep {
  name: string;
  /** True when this step's data is already in the database, so a second run skips it. */
  loaded(tx: Tx): Promise<boolean>;
  /** Writes the data; returns a one-line Chinese summary. */
  run(demo: DemoRun): Promise<string>;
}

export const DEMO_STEPS: DemoStep[] = [
  platformDemo,
  cadresDemo,
  petitionsDemo,
  policiesDemo,
  assessmentsDemo,
  admonitionsDemo,
  appointmentsDemo,
  accountabilityDemo,
  auditsDemo,
  opennessDemo,
  pledgesDemo,
];

export interface DemoResult {
  alreadyLoaded: boolean;
  /** The demo password, when this run created accounts; shown once and stored nowhere. */
  password: string | null;
  summary: string[];
}

/** Loads every demo step not yet loaded, all in one transaction with one audit record. */
export async function loadDemo(ctx: AppContext, steps: DemoStep[] = DEMO_STEPS): Promise<DemoResult> {
  const settings = await securitySettings(ctx.rules);
  let password = demoPassword();
  while (passwordProblems(password, settings.password).length) password = demoPassword();
  let accounts = 0;
  const now = ctx.clock.now();
  const summary = await ctx.db.transaction(async (tx) => {
    const run: DemoRun = {
      ctx,
      tx,
      now,
      passwordHash: () => {
        accounts++;
        return hashPassword(password);
      },
    };
    const done: string[] = [];
    for (const step of steps) {
      if (await step.loaded(tx)) continue;
      done.push(await step.run(run));
    }
    if (done.length)
      await appendAudit(tx, { at: now, action: 'demo.load', detail: { via: 'cli', steps: done, accounts } });
    return done;
  });
  return { alreadyLoaded: summary.length === 0, password: accounts ? password : null, summary };
}

/** e.g. `Demo-k3J9xQ-47`: four character classes, generated at run time, never stored in plain text. */
function demoPassword(): string {
  return `Demo-${randomBytes(6).toString('base64url')}-${randomInt(10, 100)}`;
}
