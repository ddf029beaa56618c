import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** 职务: a post in an org, with its level (dictionary position_level) and whether it is the principal (正职). */
export const positions = pgTable(
  'positions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    level: text('level').notNull(), // zhengke | fuke | middle_principal | middle_deputy | village | group
    isPrincipal: boolean('is_principal').notNull().default(false),
    /** A post that manages funds (财务、资金): leaving it calls for a departure audit, like a principal's. */
    managesFunds: boolean('manages_funds').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('positions_org_idx').on(t.orgId)],
);

/**
 * 干部: the person, with the fields of the 干部任免审批表 (.lrmx). `orgId` is where the cadre is
 * managed (their current unit) and decides data scope. The ID number is stored encrypted (SM4),
 * with an HMAC-SM3 digest for exact search and a masked copy for lists.
 */
export const cadres = pgTable(
  'cadres',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(), // "zhangsan"
    nameInitials: text('name_initials').notNull(), // "zs"
    /** Han characters, Han bigrams and Latin words of the name (`searchTokens`), for Chinese search (GIN). */
    nameTokens: text('name_tokens').array().notNull().default([]),
    gender: text('gender'), // 男 | 女
    birthDate: date('birth_date', { mode: 'string' }), // day 01 when only year and month are known
    ethnicity: text('ethnicity'),
    nativePlace: text('native_place'), // 籍贯
    birthPlace: text('birth_place'),
    partyJoinDate: text('party_join_date'), // YYYY-MM or YYYY-MM-DD as recorded
    workStartDate: text('work_start_date'),
    politicalStatus: text('political_status'), // dictionary political_status code
    health: text('health'),
    professionalTitle: text('professional_title'),
    expertise: text('expertise'),
    education: text('education'), // highest education, dictionary education code (for filters)
    fullTimeEducation: text('full_time_education'),
    fullTimeDegree: text('full_time_degree'),
    fullTimeSchool: text('full_time_school'),
    fullTimeDegreeSchool: text('full_time_degree_school'),
    partTimeEducation: text('part_time_education'),
    partTimeDegree: text('part_time_degree'),
    partTimeSchool: text('part_time_school'),
    partTimeDegreeSchool: text('part_time_degree_school'),
    currentPosition: text('current_position'), // 现任职务 as written
    resume: text('resume'), // 简历 lines as imported; generated from tenures on export when empty
    rewards: text('rewards'), // 奖惩情况 as imported
    annualReviews: text('annual_reviews'), // 年度考核结果 as imported
    idNumberEnc: text('id_number_enc'),
    idNumberDigest: text('id_number_digest'),
    idNumberMasked: text('id_number_masked'),
    phone: text('phone'),
    note: text('note'), // 备注 of the roster
    photo: bytea('photo'),
    photoType: text('photo_type'),
    status: text('status').notNull().default('active'), // active | left | retired
    source: text('source').notNull().default('manual'), // manual | excel | lrmx | demo
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('cadres_org_status_idx').on(t.orgId, t.status),
    index('cadres_name_idx').on(t.name.op('text_pattern_ops')),
    index('cadres_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
    index('cadres_pinyin_idx').on(t.namePinyin.op('text_pattern_ops')),
    index('cadres_name_tokens_idx').using('gin', t.nameTokens),
    index('cadres_id_digest_idx').on(t.idNumberDigest),
    index('cadres_birth_idx').on(t.birthDate),
    // the roster's orders (by unit then name, by name) read these instead of sorting the whole scope
    index('cadres_org_pinyin_idx').on(t.orgId, t.namePinyin),
    index('cadres_pinyin_order_idx').on(t.namePinyin),
  ],
);

/** 任职经历: a cadre in a post from a date to a date; leaving a principal post raises a departure event. */
export const tenures = pgTable(
  'tenures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    positionId: bigint('position_id', { mode: 'number' }),
    /** The org of the post; null for a post of the 简历 outside the registry (its title says where). */
    orgId: bigint('org_id', { mode: 'number' }),
    title: text('title').notNull(), // the post as written at the time
    level: text('level'),
    isPrincipal: boolean('is_principal').notNull().default(false),
    /** Copied from the post: leaving it raises a departure event as a principal post does. */
    managesFunds: boolean('manages_funds').notNull().default(false),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason'), // dictionary tenure_end_reason: transfer | removal | resignation | retirement | revoked
    probationEnd: date('probation_end', { mode: 'string' }),
    appointmentId: bigint('appointment_id', { mode: 'number' }),
    note: text('note'),
    /** manual | excel | resume: a re-imported 简历 replaces its own tenures and no others. */
    source: text('source').notNull().default('manual'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tenures_cadre_idx').on(t.cadreId, t.startDate),
    index('tenures_position_idx').on(t.positionId, t.endDate),
  ],
);

/** 村组干部交叉兼职: a further post held alongside the main one. */
export const concurrentPosts = pgTable(
  'concurrent_posts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('concurrent_posts_cadre_idx').on(t.cadreId)],
);

/** 家庭成员 (and the .lrmx JiaTingChengYuan items). A member linked to a user account makes that user recuse. */
export const familyMembers = pgTable(
  'family_members',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    relation: text('relation').notNull(), // 称谓: 妻子, 儿子 …
    name: text('name').notNull(),
    birthDate: text('birth_date'),
    politicalStatus: text('political_status'),
    workUnit: text('work_unit'), // 工作单位及职务
    userId: bigint('user_id', { mode: 'number' }),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('family_members_cadre_idx').on(t.cadreId), index('family_members_user_idx').on(t.userId)],
);

/** A principal leader left their post: the audits module turns each event into a departure audit. */
export const departureEvents = pgTable(
  'departure_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cadreId: bigint('cadre_id', { mode: 'number' }).notNull(),
    tenureId: bigint('tenure_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('departure_events_open_idx').on(t.consumedAt)],
);
