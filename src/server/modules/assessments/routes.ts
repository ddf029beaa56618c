import './audit-labels.js';
import './provider.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { ledgerImportRoutes } from '../../platform/imports/routes.js';
import { codesDocx } from './codes-docx.js';
import { codesPdf } from './codes-pdf.js';
import {
  closeIn,
  codesIn,
  codesOut,
  dynamicScoreIn,
  evaluationIn,
  evaluationOut,
  evaluationsOut,
  gradesOut,
  gradesQuery,
  idParam,
  indicatorSystemIn,
  paperIn,
  roundDetailOut,
  roundIn,
  roundsOut,
  roundsQuery,
  setGradeIn,
  setGradeOut,
  structureOut,
  structureQuery,
} from './contract.js';
import { dynamicRoundRoutes } from './dynamic-round-routes.js';
import { listDynamicScores, scoreUnit } from './dynamic-score.js';
import { exportEvaluationResults } from './evaluation-results.js';
import {
  addPaperBallots,
  closeEvaluation,
  createEvaluation,
  getEvaluation,
  issueCodes,
  listEvaluations,
} from './evaluations.js';
import { getRound, listRounds, roundDetail } from './get-round.js';
import { setGrade } from './grades.js';
import { GRADES_LEDGER_JOB, gradesLedgerTemplate, importGradesLedger } from './grades-import.js';
import { exportGradesLedger } from './grades-ledger.js';
import { createIndicatorSystem, listIndicatorSystems } from './indicator-systems.js';
import { listGrades } from './list-grades.js';
import { recordRoundIn } from './record-round.js';
import { roundBulletin } from './round-bulletin.js';
import { exportStructure, qualityStructure } from './structure.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 考核: annual grades with the 优秀 cap, unit evaluation rounds with ranking and 末位, 民主测评. */
export async function assessmentRoutes(app: App) {
  const { ctx } = app;
  const tags = ['assessments'];
  const base = '/api/v1/assessments';
  const read = { access: 'assessment.read' } as const;
  await dynamicRoundRoutes(app);
  ledgerImportRoutes(app, {
    base: `${base}/grades/ledger`,
    tags,
    access: 'assessment.manage',
    ledger: '考核结果台帐',
    jobKind: GRADES_LEDGER_JOB,
    audit: { import: 'assessment.grades_import', errors: 'assessment.grades_import_errors_download' },
    template: gradesLedgerTemplate,
    start: importGradesLedger,
  });

  app.get(
    `${base}/grades`,
    { schema: { tags, querystring: gradesQuery, response: { 200: gradesOut } }, config: read },
    (req) => listGrades({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    `${base}/grades`,
    {
      schema: { tags, body: setGradeIn, response: { 200: setGradeOut } },
      config: { access: 'assessment.manage', audit: 'assessment.grade' },
    },
    (req) => setGrade({ ctx, actor: actorOf(req), input: req.body }),
  );

  app.get(
    `${base}/grades/ledger.xlsx`,
    {
      schema: { tags, querystring: gradesQuery },
      config: { access: 'assessment.read', audit: 'assessment.grades_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportGradesLedger({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="grades.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.get(
    `${base}/rounds/:id/bulletin.docx`,
    {
      schema: { tags, params: idParam },
      config: { access: 'assessment.read', audit: 'assessment.round_bulletin' },
    },
    async (req, reply) => {
      const { buffer, filename } = await roundBulletin({ ctx, actor: actorOf(req), id: req.params.id });
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.get(`${base}/indicator-systems`, { schema: { tags }, config: read }, (req) =>
    listIndicatorSystems({ ctx, actor: actorOf(req) }),
  );
  app.post(
    `${base}/indicator-systems`,
    {
      schema: { tags, body: indicatorSystemIn },
      config: { access: 'assessment.manage', audit: 'assessment.indicators_create' },
    },
    (req) => createIndicatorSystem({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    `${base}/indicator-systems/:id/scores`,
    { schema: { tags, params: idParam }, config: read },
    (req) => listDynamicScores({ ctx, actor: actorOf(req), systemId: req.params.id }),
  );
  app.post(
    `${base}/dynamic-scores`,
    {
      schema: { tags, body: dynamicScoreIn },
      config: { access: 'assessment.manage', audit: 'assessment.dynamic_score' },
    },
    (req) => scoreUnit({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    `${base}/structure`,
    { schema: { tags, querystring: structureQuery, response: { 200: structureOut } }, config: read },
    (req) => qualityStructure({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    `${base}/structure.xlsx`,
    {
      schema: { tags, querystring: structureQuery },
      config: { access: 'assessment.read', audit: 'assessment.structure_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportStructure({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="structure.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.get(
    `${base}/rounds`,
    { schema: { tags, querystring: roundsQuery, response: { 200: roundsOut } }, config: read },
    (req) => listRounds({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    `${base}/rounds`,
    {
      schema: { tags, body: roundIn, response: { 200: roundDetailOut } },
      config: { access: 'assessment.manage', audit: 'assessment.round_record' },
    },
    (req) =>
      ctx.db.transaction(async (tx) => {
        const actor = actorOf(req);
        return roundDetail(tx, actor, await recordRoundIn(tx, ctx, actor, req.body));
      }),
  );
  app.get(
    `${base}/rounds/:id`,
    { schema: { tags, params: idParam, response: { 200: roundDetailOut } }, config: read },
    (req) => getRound({ ctx, actor: actorOf(req), id: req.params.id }),
  );

  app.get(
    `${base}/evaluations`,
    { schema: { tags, response: { 200: evaluationsOut } }, config: read },
    (req) => listEvaluations({ ctx, actor: actorOf(req) }),
  );
  app.post(
    `${base}/evaluations`,
    {
      schema: { tags, body: evaluationIn, response: { 200: evaluationOut } },
      config: { access: 'assessment.manage', audit: 'assessment.evaluation_create' },
    },
    (req) => createEvaluation({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    `${base}/evaluations/:id`,
    { schema: { tags, params: idParam, response: { 200: evaluationOut } }, config: read },
    (req) => getEvaluation({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.get(
    `${base}/evaluations/:id/results.xlsx`,
    {
      schema: { tags, params: idParam },
      config: { access: 'assessment.read', audit: 'assessment.evaluation_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportEvaluationResults({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
      });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="results.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.post(
    `${base}/evaluations/:id/codes`,
    {
      schema: { tags, params: idParam, body: codesIn, response: { 200: codesOut } },
      config: { access: 'assessment.manage', audit: 'assessment.codes_issue' },
    },
    (req) => issueCodes({ ctx, actor: actorOf(req), id: req.params.id, count: req.body.count }),
  );
  // the slips to print, as .docx (to edit) or PDF (to print as is): the same codes issued once
  for (const format of ['docx', 'pdf'] as const)
    app.post(
      `${base}/evaluations/:id/codes.${format}`,
      {
        schema: { tags, params: idParam, body: codesIn },
        config: { access: 'assessment.manage', audit: 'assessment.codes_issue' },
      },
      async (req, reply) => {
        const r = await issueCodes({ ctx, actor: actorOf(req), id: req.params.id, count: req.body.count });
        const origin = ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
        const spec = { title: r.title, heldOn: r.heldOn, codes: r.codes, origin };
        const buffer = format === 'pdf' ? codesPdf(spec) : await codesDocx(spec);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : DOCX)
          .header(
            'content-disposition',
            `attachment; filename="evaluation-codes.${format}"; filename*=UTF-8''${encodeURIComponent(`${r.title}-测评码.${format}`)}`,
          )
          .send(buffer);
      },
    );
  app.post(
    `${base}/evaluations/:id/paper-ballots`,
    {
      schema: { tags, params: idParam, body: paperIn, response: { 200: evaluationOut } },
      config: { access: 'assessment.manage', audit: 'assessment.paper_ballots' },
    },
    (req) =>
      addPaperBallots({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        version: req.body.version,
        ballots: req.body.ballots,
      }),
  );
  app.post(
    `${base}/evaluations/:id/close`,
    {
      schema: { tags, params: idParam, body: closeIn, response: { 200: evaluationOut } },
      config: { access: 'assessment.manage', audit: 'assessment.evaluation_close' },
    },
    (req) => closeEvaluation({ ctx, actor: actorOf(req), id: req.params.id, version: req.body.version }),
  );
}
