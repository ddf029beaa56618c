import { petitionFromPlan } from '../src/cli/demo/petition-from-plan.js';
import { planPetition } from '../src/cli/demo/petition-plan.js';
import { petitionMatter, pickCategory, reporterOf } from '../src/cli/demo/petition-texts.js';
import { addDays, type WorkCalendar } from '../src/domain/calendar.js';
import { petitionCode, petitionSearchTokens } from '../src/domain/petition-code.js';
import { pastStepStates } from '../src/domain/petition-step-state.js';
import { clockFor, type PetitionClockRules, type PetitionStatus } from '../src/domain/petition-workflow.js';
import { sealReporter } from '../src/server/modules/petitions/reporter-identity.js';
import type { AppContext } from '../src/server/platform/context.js';
import type { RawDb } from './bulk-insert.js';

export const FIRST_DAY = '2025-01-01';
const CHANNELS = 'letter letter visit visit phone online online online assigned transferred'.split(' ');
const VILLAGES = ['东风村', '红旗村', '柳湾村', '青山村', '石桥村', '河口村', '新民村', '团结村'];
const TOKEN_SEP = String.fromCharCode(31);

type Staff = { cadres: { id: number; name: string }[]; units: number[] };

/** What every generated petition draws on: the day, the rules and calendar, each township's people. */
export interface Generation {
  ctx: AppContext;
  today: string;
  /** Days from FIRST_DAY to today. */
  span: number;
  rules: PetitionClockRules;
  calendar: WorkCalendar;
  people: Map<number, Staff>;
  /** The last registration number per township and year. */
  sequence: Map<string, number>;
  rng: () => number;
}

/**
 * The rows of petition `k` (id `id`) of a township: the petition in the column order of the insert,
 * its register event and the events of its planned life, its documents and the cadre it names.
 */
export function onePetition(g: Generation, id: number, k: number, town: { id: number }) {
  const staff = g.people.get(town.id)!;
  const receivedOn = addDays(FIRST_DAY, Math.floor(g.rng() * g.span));
  const seqKey = `${town.id}/${receivedOn.slice(0, 4)}`;
  const seq = (g.sequence.get(seqKey) ?? 0) + 1;
  g.sequence.set(seqKey, seq);
  const channel = CHANNELS[Math.floor(g.rng() * CHANNELS.length)];
  const category = pickCategory(g.rng());
  const named = g.rng() < 0.5 ? (staff.cadres[Math.floor(g.rng() * staff.cadres.length)] ?? null) : null;
  const place = VILLAGES[Math.floor(g.rng() * VILLAGES.length)];
  const matter = petitionMatter(category, Math.floor(g.rng() * 8), named?.name ?? null, place);
  const realName = g.rng() < 0.4;
  const plan = planPetition(g.rng, receivedOn, addDays(g.today, -1));
  const assignedDueOn = channel === 'assigned' ? addDays(receivedOn, 30 + Math.floor(g.rng() * 30)) : null;
  const life = petitionFromPlan(plan, {
    unitOrgId: staff.units[Math.floor(g.rng() * staff.units.length)] ?? null,
  });
  const p = { ...life.columns, receivedOn, realName, assignedDueOn, extensionDays: 0 };
  const clock = clockFor({ ...p, status: life.status }, g.rules, g.calendar);
  const code = petitionCode(null, Number(receivedOn.slice(0, 4)), seq);
  const subjects = named ? [[id, named.id, named.name]] : g.rng() < 0.3 ? [[id, null, `${place}干部`]] : [];
  const petition = [
    id,
    town.id,
    code,
    channel,
    channel === 'visit' ? 1 + Math.floor(g.rng() * 5) : null,
    receivedOn,
    channel === 'assigned' ? '区纪委' : null,
    channel === 'assigned' ? `区纪信交〔${receivedOn.slice(0, 4)}〕${seq}号` : null,
    assignedDueOn,
    channel === 'transferred' ? '区信访局' : null,
    realName,
    realName ? sealReporter(g.ctx.crypto, reporterOf(k)) : null,
    matter.title,
    matter.content,
    category,
    life.status,
    p.disposal,
    p.assignedUnitOrgId,
    p.acceptedOn,
    p.declinedOn,
    p.declineReason,
    p.reportedOn,
    p.approvedOn,
    p.repliedOn,
    p.reply,
    p.concludedOn,
    clock?.dueOn ?? null,
    clock?.kind ?? null,
    p.reviewLevel,
    p.reviewRequestedOn,
    named !== null && g.rng() < 0.002,
    life.documents.filter((d) => d.kind === 'report').length,
    life.documents.filter((d) => d.kind === 'opinion').length,
    // last_step_on: the latest event or document (the planned steps are in date order)
    [receivedOn, ...life.events.map((e) => e.on), ...life.documents.map((d) => d.on)].sort().at(-1),
    petitionSearchTokens(
      { code, ...matter, reply: p.reply },
      subjects.map((s) => String(s[2])),
    ).join(TOKEN_SEP),
  ];
  // each event with the state after it (clock, disposal, extension), as the workflow writes it
  const steps = [
    { action: 'register', from: null, to: 'registered', on: receivedOn, note: null },
    ...life.events,
  ];
  const states = pastStepStates(
    { realName, receivedOn, assignedDueOn },
    steps.map((e) => ({ action: e.action, to: e.to as PetitionStatus, on: e.on, disposal: p.disposal })),
    g.rules,
    g.calendar,
  );
  const events = steps.map((e, i) => [
    id,
    e.action,
    e.from,
    e.to,
    e.on,
    e.note,
    states[i].dueOn,
    states[i].disposal,
    states[i].extensionDays,
  ]);
  const documents = life.documents.map((d) => [id, d.kind, d.content, d.on]);

  return { petition, events, documents, subjects };
}

/** Each township's cadres (to be named) and departments (to be handed cases). */
export async function townPeople(raw: RawDb, towns: { id: number; path: string }[]) {
  const out = new Map<number, Staff>(towns.map((t) => [t.id, { cadres: [], units: [] }]));
  const townOf = (path: string) => Number(path.split('/')[2]);
  const { rows: cadres } = await raw.query(
    `select c.id, c.name, o.path from cadres c join orgs o on o.id = c.org_id where c.deleted_at is null`,
  );
  for (const c of cadres) out.get(townOf(c.path))?.cadres.push({ id: Number(c.id), name: c.name });
  const { rows: units } = await raw.query(`select id, path from orgs where kind = 'department'`);
  for (const u of units) out.get(townOf(u.path))?.units.push(Number(u.id));
  return out;
}
