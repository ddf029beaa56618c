import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionAttachments, petitionEvents, petitions } from '../../src/server/modules/petitions/schema.js';
import {
  advance,
  anonymousReport,
  jpeg,
  portalPost,
  portalWorld,
  submitReport,
  toConcluded,
  toReplied,
} from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof portalWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await portalWorld(t);
});
afterAll(async () => t.close());

/** A real-name report (so there is an identity to leak) and its code and id. */
async function reported(ip = '127.0.0.1') {
  const res = await submitReport(
    t,
    anonymousReport(w.town.id, {
      anonymous: false,
      reporter: { name: '钱秘密', phone: '13912345678', address: '东湖村三组' },
    }),
    [],
    ip,
  );
  expect(res.statusCode, res.body).toBe(200);
  const code: string = res.json().receiptCode;
  const [p] = await t.ctx.db.select().from(petitions).orderBy(desc(petitions.id)).limit(1);
  return { code, id: p.id };
}
const status = (code: string, ip = '127.0.0.1') => portalPost(t, '/api/v1/portal/status', { code }, [], ip);

describe('portal: looking a case up by its code', () => {
  it('answers the same generic 404 for a wrong code and a malformed one', async () => {
    const a = await status('7KQ2-M9XD-4TPA-H3VW', '10.2.0.1');
    const b = await status('not a code', '10.2.0.1');
    for (const r of [a, b]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({ error: { code: 'not_found', message: '未找到该查询码对应的信访件' } });
    }
  });

  it('names the code 查询码 when it is missing, not a generic 编码', async () => {
    const r = await portalPost(t, '/api/v1/portal/status', {}, [], '10.2.0.9');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/^查询码：/);
  });

  it('stops an address after 10 wrong codes in 15 minutes, even for a right code, then lets it try again', async () => {
    const { code } = await reported();
    const ip = '10.2.0.2';
    for (let i = 0; i < 10; i++)
      expect((await status(`ABCD-EFGH-JKMN-PQ${String(i).padStart(2, '0')}`, ip)).statusCode).toBe(404);
    const blocked = await status(code, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toBe('查询码输入错误次数过多，请 15 分钟后再试');
    expect((await status(code, '10.2.0.3')).statusCode).toBe(200); // another address is not affected
    t.clock.advanceMinutes(16);
    expect((await status(code, ip)).statusCode).toBe(200);
  });

  it('shows the reporter their case in plain words, and nothing internal or identifying', async () => {
    const { code, id } = await reported();
    const typed = code.toLowerCase().replaceAll('-', ' ');
    const fresh = await status(typed);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({
      stage: 'received',
      stageLabel: '已收到，等待受理',
      reply: null,
      canRate: false,
    });
    await advance(t, id, toReplied);
    const res = await status(code);
    const body = res.json();
    expect(body).toMatchObject({
      stage: 'replied',
      stageLabel: '已答复',
      reply: '经核查，您反映的问题部分属实，已责令整改。',
      canRate: true,
      canAddMaterial: true,
    });
    const [p] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, id));
    for (const secret of [
      '钱秘密',
      '13912345678',
      '东湖村三组',
      '内部处理意见',
      '内部审批意见',
      p.code,
      'sm4:',
      '赵有才',
    ])
      expect(res.body).not.toContain(secret);
    expect(Object.keys(body).sort()).toEqual(
      [
        'acceptedOn',
        'canAddMaterial',
        'canRate',
        'concludedOn',
        'declinedOn',
        'materials',
        'notice',
        'rating',
        'receivedOn',
        'repliedOn',
        'reply',
        'review',
        'stage',
        'stageLabel',
        'title',
      ].sort(),
    );
  });

  it('shows the notice of a declined case', async () => {
    const { code, id } = await reported();
    await advance(t, id, [['decline', { declineReason: '不属于本机关受理范围' }]]);
    const body = (await status(code)).json();
    expect(body).toMatchObject({ stage: 'declined', stageLabel: '不予受理', canAddMaterial: false });
    expect(body.notice).toContain('不属于本机关受理范围');
  });
});

describe('portal: what the reporter can do with the code', () => {
  it('adds material with files while the case runs, not after it is concluded', async () => {
    const { code, id } = await reported();
    const res = await portalPost(
      t,
      '/api/v1/portal/status/material',
      { code, text: '补充：另有两名证人。' },
      [{ name: '证据.jpg', bytes: jpeg('evidence') }],
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().materials).toHaveLength(1);
    const events = await t.ctx.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, id));
    expect(events.find((e) => e.action === 'material')?.note).toContain('另有两名证人');
    const files = await t.ctx.db
      .select()
      .from(petitionAttachments)
      .where(eq(petitionAttachments.petitionId, id));
    expect(files).toMatchObject([{ fileName: '证据.jpg', fromPublic: true }]);
    const empty = await portalPost(t, '/api/v1/portal/status/material', { code, text: ' ' });
    expect(empty.statusCode).toBe(400);
    const wrong = await portalPost(t, '/api/v1/portal/status/material', {
      code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
      text: '材料',
    });
    expect(wrong.statusCode).toBe(404);

    await advance(t, id, toConcluded);
    const late = await portalPost(t, '/api/v1/portal/status/material', { code, text: '再补充一点。' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('已办结');
  });

  it('rates once, and only after the reply', async () => {
    const { code, id } = await reported();
    const early = await portalPost(t, '/api/v1/portal/status/rating', { code, rating: 5 });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe('收到答复后才能评价');
    await advance(t, id, toReplied);
    const first = await portalPost(t, '/api/v1/portal/status/rating', {
      code,
      rating: 4,
      comment: '处理及时',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rating: 4, canRate: false });
    const second = await portalPost(t, '/api/v1/portal/status/rating', { code, rating: 1 });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.message).toContain('已经评价');
    const [p] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, id));
    expect([p.rating, p.ratingComment]).toEqual([4, '处理及时']);
    const bad = await portalPost(t, '/api/v1/portal/status/rating', { code, rating: 9 });
    expect(bad.statusCode).toBe(400);
  });

  it('asks for a review within the period, which moves the case, and is refused after it', async () => {
    const { code, id } = await reported();
    await advance(t, id, toConcluded);
    const open = (await status(code)).json();
    expect(open.review).toMatchObject({ level: 0, label: '复查', canRequest: true });
    expect(open.review.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const res = await portalPost(t, '/api/v1/portal/status/review', {
      code,
      reason: '对处理结果不满意，问题未整改到位。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'reviewing', stageLabel: '复查办理中', canAddMaterial: true });
    const [p] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, id));
    expect(p).toMatchObject({ status: 'reviewing', reviewLevel: 1, dueKind: 'review_answer' });
    const again = await portalPost(t, '/api/v1/portal/status/review', { code, reason: '再次申请复查复查。' });
    expect(again.statusCode).toBe(422);

    const late = await reported();
    await advance(t, late.id, toConcluded);
    t.clock.advance(31 * 24 * 3_600_000);
    const view = (await status(late.code)).json();
    expect(view.review.canRequest).toBe(false);
    expect(view.review.problem).toContain('申请期限已过');
    const refused = await portalPost(t, '/api/v1/portal/status/review', {
      code: late.code,
      reason: '对处理结果不满意。',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(
      /^申请期限已过：应在收到答复之日起 30 日内（\d{4}-\d{2}-\d{2} 前）提出$/,
    );
  });

  it('allows no review after 复核', async () => {
    const { code, id } = await reported();
    await advance(t, id, toConcluded);
    for (const label of ['复查', '复核']) {
      expect((await status(code)).json().review).toMatchObject({ label, canRequest: true });
      expect(
        (await portalPost(t, '/api/v1/portal/status/review', { code, reason: `申请${label}的理由。` }))
          .statusCode,
      ).toBe(200);
      await advance(t, id, [['answer_review', { reply: `${label}答复：维持原处理意见。` }]]);
    }
    const view = (await status(code)).json();
    expect(view).toMatchObject({ stage: 'concluded', reply: '复核答复：维持原处理意见。' });
    expect(view.review).toMatchObject({ level: 2, canRequest: false, until: null });
    const res = await portalPost(t, '/api/v1/portal/status/review', { code, reason: '还想再复核一次。' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('已经复核，不再受理复查（复核）申请');
  });
});

describe('portal: limits', () => {
  it('limits requests per address with a Chinese message', async () => {
    let last = 200;
    for (let i = 0; i < 61 && last !== 429; i++)
      last = (await t.app.inject({ method: 'GET', url: '/api/v1/portal/orgs', remoteAddress: '10.9.9.9' }))
        .statusCode;
    expect(last).toBe(429);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/orgs', remoteAddress: '10.9.9.9' });
    expect(res.json().error.message).toMatch(/^访问过于频繁，请 \d+ 分钟后再试$/);
  });
});
