/**
 * The soak's closed-loop clients (bench/soak.ts): each sends its next request as soon as the last
 * one is answered, with no think time. A request that fails ends the client's turn (it starts the
 * next one); the tally has counted it.
 */
import { cadreFields } from '../src/server/modules/cadres/contract.js';
import { SoakClient, StepFailed } from './soak-client.js';
import type { PowPool } from './soak-pow.js';

export interface Officer {
  client: SoakClient;
  userId: number;
  orgId: number;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
const q = (s: string) => encodeURIComponent(s);

/** Runs `turn(k)` for k = 0, 1, … until `running()` is false; a failed step ends only that turn. */
export async function loop(running: () => boolean, turn: (k: number) => Promise<void>) {
  for (let k = 0; running(); k++) {
    try {
      await turn(k);
    } catch (e) {
      if (!(e instanceof StepFailed)) throw e;
    }
  }
}

/** A discipline officer: lists, searches and opens petitions; every third turn registers one and moves it three steps. */
export async function petitionOfficer(o: Officer, k: number, tag: string) {
  const c = o.client;
  const page = (k % 3) + 1;
  const list = await c.json(
    'GET /petitions (list)',
    'GET',
    `/api/v1/petitions?orgId=${o.orgId}&page=${page}&pageSize=20`,
  );
  await c.json(
    'GET /petitions?q= (search)',
    'GET',
    `/api/v1/petitions?q=${q(k % 2 ? '作风' : '村务')}&pageSize=20`,
  );
  const some = pick(list.items as { id: number }[]);
  if (some) await c.json('GET /petitions/:id', 'GET', `/api/v1/petitions/${some.id}`);
  if (k % 3 !== 0) return;
  const p = await c.json('POST /petitions (register)', 'POST', '/api/v1/petitions', {
    orgId: o.orgId,
    channel: k % 2 ? 'letter' : 'visit',
    ...(k % 2 ? {} : { visitors: 2 }),
    receivedOn: today(),
    realName: false,
    title: `浸泡${tag}第${k}件：反映村干部作风问题`,
    content: '某村干部办事拖拉，群众多次反映未果，村务公开也不及时。',
    category: 'work_style',
    subjects: [],
  });
  const move = async (action: string, body: Record<string, unknown> = {}) => {
    const cur = await c.json('GET /petitions/:id', 'GET', `/api/v1/petitions/${p.id}`);
    await c.json(
      `POST /petitions/:id/actions/${action}`,
      'POST',
      `/api/v1/petitions/${p.id}/actions/${action}`,
      {
        version: cur.version,
        ...body,
      },
    );
  };
  await move('accept');
  await move('investigate', { disposal: 'preliminary_check', investigatorUserId: o.userId });
  await move('report', { report: '经初步核实，反映问题部分属实。' });
}

const EDITABLE = Object.keys(cadreFields.shape).filter((k) => k !== 'idNumber');

/** An organization officer: lists, searches and opens cadres; every third turn edits the one opened (a 409 when another officer edited it first is expected). */
export async function cadreOfficer(o: Officer, k: number) {
  const c = o.client;
  const list = await c.json(
    'GET /cadres (list)',
    'GET',
    `/api/v1/cadres?orgId=${o.orgId}&page=${(k % 3) + 1}&pageSize=20`,
  );
  await c.json('GET /cadres?q= (search)', 'GET', `/api/v1/cadres?q=${q(k % 2 ? '王' : 'zh')}&pageSize=20`);
  const some = pick(list.items as { id: number }[]);
  if (!some) return;
  const cadre = await c.json('GET /cadres/:id', 'GET', `/api/v1/cadres/${some.id}`);
  if (k % 3 !== 0) return;
  const fields: Record<string, unknown> = {};
  for (const key of EDITABLE) if (cadre[key] !== undefined) fields[key] = cadre[key];
  await c.send(
    'PUT /cadres/:id (edit)',
    'PUT',
    `/api/v1/cadres/${some.id}`,
    { ...fields, note: `浸泡测试第${k}次核对`, version: cadre.version },
    [409],
  );
}

/**
 * A member of the public: the form's options, the challenge (solved in a worker thread, as the
 * browser does in its own), the report, then its status by the receipt code, and the status of up
 * to three earlier reports of the same client (`codes`). `client` is a fresh one on an address of
 * its own.
 */
export async function citizen(client: SoakClient, k: number, tag: string, pow: PowPool, codes: string[]) {
  for (const code of codes.slice(-3))
    await client.json('POST /portal/status (receipt)', 'POST', '/api/v1/portal/status', { code });
  const options = await client.json('GET /portal/orgs', 'GET', '/api/v1/portal/orgs');
  const town = options.orgs[k % options.orgs.length];
  const { token, difficulty } = await client.json('GET /portal/challenge', 'GET', '/api/v1/portal/challenge');
  const counter = await pow.solve(token, difficulty);
  if (counter < 0) throw new StepFailed('the run ended before the challenge was solved');
  client.reconnect();
  const sent = await client.json('POST /portal/submissions', 'POST', '/api/v1/portal/submissions', {
    orgId: town.id,
    anonymous: true,
    title: `群众${tag}第${k}次反映：村务公开不及时`,
    content: '本村财务收支已三个月未公开，请督促。',
    category: options.categories[0]?.code ?? '',
    subjects: [],
    idempotencyKey: `soak-${tag}-${k}-${Date.now()}`,
    challenge: { token, counter },
  });
  await client.json('POST /portal/status (receipt)', 'POST', '/api/v1/portal/status', {
    code: sent.receiptCode,
  });
}

/** An export: the township's petition ledger (this year) or its cadre roster, as .xlsx. */
export async function exporter(o: Officer, kind: 'ledger' | 'roster') {
  const type = kind === 'ledger' ? 'GET /petitions/ledger.xlsx' : 'GET /cadres/export.xlsx';
  const a =
    kind === 'ledger'
      ? await o.client.send(type, 'GET', '/api/v1/petitions/ledger.xlsx')
      : await o.client.send(type, 'GET', `/api/v1/cadres/export.xlsx?orgId=${o.orgId}`);
  // an .xlsx is a zip: it starts with PK
  if (a.body.length < 100 || a.body.toString('latin1', 0, 2) !== 'PK') {
    SoakClient.tally.of(type).errors++;
    SoakClient.tally.note(`error: ${type} is not an .xlsx (${a.body.length} bytes)`);
    throw new StepFailed(`${type}: not an .xlsx`);
  }
}
