import './audit-labels.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { assignReading } from './assign-reading.js';
import { confirmRead } from './confirm-read.js';
import {
  assignIn,
  assignmentParams,
  confirmIn,
  confirmOut,
  createPolicyIn,
  diffOut,
  diffQuery,
  idParam,
  myReadDetailOut,
  myReadsOut,
  myReadsQuery,
  policyDetailOut,
  policyListOut,
  policyListQuery,
  readersOut,
  readersQuery,
  repealIn,
  reviseIn,
  updatePolicyIn,
} from './contract.js';
import { createPolicy } from './create-policy.js';
import { getPolicy } from './get-policy.js';
import { listPolicies } from './list-policies.js';
import { listReaders } from './list-readers.js';
import { getMyRead, myReads } from './my-reads.js';
import { repealPolicy } from './repeal-policy.js';
import { revisePolicy } from './revise-policy.js';
import { updatePolicy } from './update-policy.js';
import { versionDiff } from './version-diff.js';

/** 制度汇编: policies, their versions and diffs, read assignments; 我的学习. */
export async function policyRoutes(app: App) {
  const { ctx } = app;
  const tags = ['policies'];

  app.get(
    '/api/v1/policies',
    {
      schema: { tags, querystring: policyListQuery, response: { 200: policyListOut } },
      config: { access: 'policy.read' },
    },
    (req) => listPolicies({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/policies',
    {
      schema: { tags, body: createPolicyIn, response: { 200: policyDetailOut } },
      config: { access: 'policy.manage', audit: 'policy.create' },
    },
    (req) => createPolicy({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/policies/:id',
    {
      schema: { tags, params: idParam, response: { 200: policyDetailOut } },
      config: { access: 'policy.read' },
    },
    (req) => getPolicy({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.put(
    '/api/v1/policies/:id',
    {
      schema: { tags, params: idParam, body: updatePolicyIn, response: { 200: policyDetailOut } },
      config: { access: 'policy.manage', audit: 'policy.update' },
    },
    (req) => updatePolicy({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/policies/:id/versions',
    {
      schema: { tags, params: idParam, body: reviseIn, response: { 200: policyDetailOut } },
      config: { access: 'policy.manage', audit: 'policy.revise' },
    },
    (req) => revisePolicy({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/policies/:id/repeal',
    {
      schema: { tags, params: idParam, body: repealIn, response: { 200: policyDetailOut } },
      config: { access: 'policy.manage', audit: 'policy.repeal' },
    },
    (req) => repealPolicy({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/v1/policies/:id/diff',
    {
      schema: { tags, params: idParam, querystring: diffQuery, response: { 200: diffOut } },
      config: { access: 'policy.read' },
    },
    (req) => versionDiff({ ctx, actor: actorOf(req), id: req.params.id, ...req.query }),
  );
  app.post(
    '/api/v1/policies/:id/assignments',
    {
      schema: { tags, params: idParam, body: assignIn, response: { 200: policyDetailOut } },
      config: { access: 'policy.manage', audit: 'policy.assign_reading' },
    },
    (req) => assignReading({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/v1/policies/:id/assignments/:assignmentId/readers',
    {
      schema: { tags, params: assignmentParams, querystring: readersQuery, response: { 200: readersOut } },
      config: { access: 'policy.manage', auditView: 'policy.readers_view' },
    },
    (req) =>
      listReaders({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        assignmentId: req.params.assignmentId,
        query: req.query,
      }),
  );
  app.get(
    '/api/v1/me/policy-reads',
    {
      schema: { tags, querystring: myReadsQuery, response: { 200: myReadsOut } },
      config: { access: 'policy.read' },
    },
    (req) => myReads({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    '/api/v1/me/policy-reads/:id',
    {
      schema: { tags, params: idParam, response: { 200: myReadDetailOut } },
      config: { access: 'policy.read' },
    },
    (req) => getMyRead({ ctx, actor: actorOf(req), readId: req.params.id }),
  );
  app.post(
    '/api/v1/me/policy-reads/:id/confirm',
    {
      schema: { tags, params: idParam, body: confirmIn, response: { 200: confirmOut } },
      config: { access: 'policy.read', audit: 'policy.confirm_read' },
    },
    (req) => confirmRead({ ctx, actor: actorOf(req), readId: req.params.id, answers: req.body.answers }),
  );
}
