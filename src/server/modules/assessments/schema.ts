import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** 年度考核等次: one per cadre per year, with where it comes from. */
export const annualGrades = pgTable(
  'annual_grades',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The cadre's org when graded: the 优秀 cap counts per org and year. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    /** 优秀 | 称职 | 基本称职 | 不称职 | 不定等次 */
    grade: text('grade').notNull(),
    /** dynamic | evaluation | decision */
    source: text('source').notNull(),
    note: text('note'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_grades_cadre_year_idx').on(t.cadreId, t.year),
    index('annual_grades_org_year_idx').on(t.orgId, t.year),
  ],
);

/** A round of 目标考评 / 现场观摩 / 行风评比 for one peer group of units, ranked when recorded. */
export const unitEvaluationRounds = pgTable(
  'unit_evaluation_rounds',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The organising township (its register receives the 末位 proposals). */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** target | site_visit | conduct */
    kind: text('kind').notNull(),
    /** village | department */
    peerGroup: text('peer_group').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_evaluation_rounds_org_idx').on(t.orgId, t.kind, t.peerGroup, t.heldOn)],
);

/** A unit's score and rank in a round. */
export const unitEvaluationScores = pgTable(
  'unit_evaluation_scores',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    unitOrgId: bigint('unit_org_id', { mode: 'number' }).notNull(),
    score: numeric('score', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    deduction: numeric('deduction', { precision: 7, scale: 2, mode: 'number' }).notNull().default(0),
    rank: integer('rank').notNull(),
    previousRank: integer('previous_rank'),
    last: boolean('last').notNull().default(false),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('unit_evaluation_scores_round_unit_idx').on(t.roundId, t.unitOrgId),
    index('unit_evaluation_scores_unit_idx').on(t.unitOrgId),
  ],
);

/**
 * 末位: a unit last in a round, its principal leader on the round's day, how many consecutive rounds
 * of the kind it was last, and the proposal put in the accountability register (penalty or 警告).
 * A 警告 caps the leader's annual grade of the round's year at 不称职.
 */
export const lastPlaces = pgTable(
  'last_places',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    unitOrgId: bigint('unit_org_id', { mode: 'number' }).notNull(),
    /** Null when the unit had no principal leader on the day. */
    cadreId: bigint('cadre_id', { mode: 'number' }),
    consecutive: integer('consecutive').notNull(),
    /** penalty | warning */
    outcome: text('outcome').notNull(),
    year: integer('year').notNull(),
    accountabilityRecordId: bigint('accountability_record_id', { mode: 'number' }),
  },
  (t) => [index('last_places_round_idx').on(t.roundId), index('last_places_cadre_idx').on(t.cadreId, t.year)],
);

/** 民主测评 of one or more cadres (a cadre or a leadership team) at a meeting. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    /** cadre | team */
    subjectKind: text('subject_kind').notNull(),
    subjectCadreIds: bigint('subject_cadre_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    /** 应参加测评人数: codes and paper ballots together never exceed it. */
    electorate: integer('electorate').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    codesIssued: integer('codes_issued').notNull().default(0),
    closedOn: date('closed_on', { mode: 'string' }),
    /** The tally at closing: per subject counts, rates and the share of 差. */
    result: jsonb('result'),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluations_org_idx').on(t.orgId, t.heldOn),
    index('evaluations_subjects_idx').using('gin', t.subjectCadreIds),
  ],
);

/**
 * A one-time code (its digest only): no time, no person, no link to the ballot it cast. Once used,
 * `used` is set in the transaction that stores the ballot.
 */
export const evaluationCodes = pgTable(
  'evaluation_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    evaluationId: bigint('evaluation_id', { mode: 'number' }).notNull(),
    codeDigest: text('code_digest').notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [uniqueIndex('evaluation_codes_digest_idx').on(t.codeDigest)],
);

/** A ballot: a random id, the answers and the channel — nothing that leads to a code or a person. */
export const evaluationBallots = pgTable(
  'evaluation_ballots',
  {
    id: text('id').primaryKey(),
    evaluationId: bigint('evaluation_id', { mode: 'number' }).notNull(),
    /** online | paper */
    channel: text('channel').notNull(),
    answers: jsonb('answers').notNull(),
  },
  (t) => [index('evaluation_ballots_evaluation_idx').on(t.evaluationId)],
);

/**
 * 指标体系: a year's indicator tree for one kind of assessed (township leaders, middle-level cadres,
 * village cadres, units). A change is a new version; a version is never edited, so a score keeps
 * the indicators it was given under.
 */
export const indicatorSystems = pgTable(
  'indicator_systems',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    /** township_leader | middle | village | unit */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** The tree: key, parentKey, name, weight, kind, maxPoints, rule, supplier, evidence, auto. */
    items: jsonb('items').notNull(),
    bonusCap: numeric('bonus_cap', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    deductionCap: numeric('deduction_cap', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_systems_version_idx').on(t.orgId, t.year, t.kind, t.version)],
);

/** 动态考核 score of a unit for a period under one version of an indicator system, line by line. */
export const dynamicScores = pgTable(
  'dynamic_scores',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    systemId: bigint('system_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    subjectOrgId: bigint('subject_org_id', { mode: 'number' }).notNull(),
    period: text('period').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** Each line: item, points, comment, evidence, scorer; automatic ones with the records behind them. */
    lines: jsonb('lines').notNull(),
    base: numeric('base', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    bonus: numeric('bonus', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    deduction: numeric('deduction', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    total: numeric('total', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    vetoedBy: text('vetoed_by'),
    scoredBy: bigint('scored_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dynamic_scores_subject_period_idx').on(t.systemId, t.subjectOrgId, t.period)],
);

/**
 * 动态考核轮次: one period of an indicator system for a set of units, through 自评 → 评分 → 复核 →
 * 已发布. The tree and its caps are copied at the start, so a new version of the system never
 * rewrites an open round; the results are composed when the round is published.
 */
export const dynamicRounds = pgTable(
  'dynamic_rounds',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    systemId: bigint('system_id', { mode: 'number' }).notNull(),
    /** monthly | quarterly | half_year */
    cadence: text('cadence').notNull(),
    /** 2026-03 | 2026Q1 | 2026H1 */
    period: text('period').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    subjectOrgIds: bigint('subject_org_ids', { mode: 'number' }).array().notNull(),
    /** The indicator items and caps as they were when the round started. */
    items: jsonb('items').notNull(),
    bonusCap: numeric('bonus_cap', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    deductionCap: numeric('deduction_cap', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    /** self | scoring | review | published */
    stage: text('stage').notNull().default('self'),
    /** The deadline of each scoring stage: { self, scoring, review }. */
    deadlines: jsonb('deadlines').notNull(),
    /** Per unit at publishing: base, bonus, deduction, total, veto and the automatic lines. */
    results: jsonb('results'),
    publishedOn: date('published_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dynamic_rounds_period_idx').on(t.systemId, t.period)],
);

/** A score line of a round: the unit, the item, the stage that gave it, and who, with what evidence. */
export const dynamicRoundLines = pgTable(
  'dynamic_round_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    subjectOrgId: bigint('subject_org_id', { mode: 'number' }).notNull(),
    itemKey: text('item_key').notNull(),
    /** self | scoring | review */
    stage: text('stage').notNull(),
    points: numeric('points', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    evidence: text('evidence'),
    comment: text('comment'),
    scorerUserId: bigint('scorer_user_id', { mode: 'number' }).notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('dynamic_round_lines_idx').on(t.roundId, t.subjectOrgId, t.stage, t.itemKey)],
);

/*
 * 素质结构's stored counts (docs/decisions/assessments.md): per org subtree, day and position level
 * ('' for every level), what the count over every cadre in post there gives — the headline counts
 * and, for a day whose distributions were asked, the grouped rows of the six dimensions. Derived
 * data: built by a request under the org's advisory lock (class 7432), dropped by the triggers of
 * its migration from the first day a change to a tenure, a cadre's counted attributes or the org
 * tree reaches, never backed up.
 */
export const structureCubes = pgTable(
  'structure_cubes',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    level: text('level').notNull(),
    /** The org's path when built: a change below it drops the row. */
    path: text('path').notNull(),
    /** What the counts mean (the headline's definitions); a row of another signature is rebuilt. */
    figures: text('figures').notNull(),
    /** total, young, collegeOrAbove, female, partyMember: cadres counted. */
    headline: integer('headline').array().notNull(),
    /** The day's grouped rows `[grouping, key, n]`, when its distributions were asked. */
    counts: jsonb('counts').$type<[number, string | null, number][]>(),
    /** On the row of day 'infinity' (which every change of the subtree drops): its tenures' levels. */
    levels: text('levels').array(),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
    /** A change reached the row (migration 0046's triggers): read as missing, built again by the refresh job. */
    stale: boolean('stale').notNull().default(false),
    /** Built for a reader's request (not by the refresh job): its org and level are kept warm past midnight for a week. */
    asked: boolean('asked').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.day, t.level] }),
    index('structure_cubes_stale_idx').on(t.orgId, t.level).where(sql`${t.stale}`),
  ],
);
