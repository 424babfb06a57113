/**
 * /api/v1/groups: groups, the public directory, join requests and members. Every route but the directory is for
 * signed-in users with the terms accepted (`data`), with no ITD-access condition: IGO users are group members.
 * Messages, library and files are in group-content.routes.ts.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANONYMOUS } from '../../../shared/actor.ts';
import {
  approveJoinSchema,
  createGroupSchema,
  groupDirectorySchema,
  groupIdParams,
  groupListQuerySchema,
  groupListSchema,
  groupSchema,
  joinRequestInputSchema,
  joinRequestListSchema,
  joinRequestParams,
  joinRequestQuerySchema,
  joinRequestSchema,
  memberListSchema,
  memberParams,
  memberSchema,
  rejectJoinSchema,
  updateGroupSchema,
  updateMemberSchema,
} from '../../../shared/groups.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { requireUser } from '../../http/access.ts';
import { requestMeta } from '../identity/request-meta.ts';
import type { GroupCtx, GroupsDeps } from './groups-deps.ts';
import { createGroup, getGroup, listDirectory, listGroups, updateGroup } from './groups.service.ts';
import {
  approveJoinRequest,
  listJoinRequests,
  rejectJoinRequest,
  requestToJoin,
} from './join-requests.service.ts';
import { listMembers, removeMember, updateMember } from './members.service.ts';

export function groupCtx(request: FastifyRequest, deps: { clock: () => Date }): GroupCtx {
  return { actor: requireUser(request), clock: deps.clock, meta: requestMeta(request) };
}

export const groupRoutes: FastifyPluginAsyncZod<GroupsDeps> = async (app, deps) => {
  const data = { access: 'data' as const };
  const tags = ['groups'];
  const run = <T>(
    request: FastifyRequest,
    fn: (tx: Parameters<Parameters<typeof withActor>[2]>[0], ctx: GroupCtx) => Promise<T>,
  ) => {
    const ctx = groupCtx(request, deps);
    return withActor(deps.db, ctx.actor, (tx) => fn(tx, ctx));
  };

  app.get(
    '/directory',
    { config: { access: 'public' }, schema: { tags, response: { 200: groupDirectorySchema } } },
    // Anonymous on purpose: row-level security lets an anonymous actor see only active, open groups.
    async () => ({ items: await withActor(deps.db, ANONYMOUS, (tx) => listDirectory(tx)) }),
  );

  app.get(
    '/',
    { config: data, schema: { tags, querystring: groupListQuerySchema, response: { 200: groupListSchema } } },
    async (request) => ({ items: await run(request, (tx, ctx) => listGroups(tx, ctx, request.query.scope)) }),
  );

  app.post(
    '/',
    { config: data, schema: { tags, body: createGroupSchema, response: { 201: groupSchema } } },
    async (request, reply) =>
      reply.code(201).send(await run(request, (tx, ctx) => createGroup(tx, ctx, request.body))),
  );

  app.get(
    '/:groupId',
    { config: data, schema: { tags, params: groupIdParams, response: { 200: groupSchema } } },
    async (request) => run(request, (tx, ctx) => getGroup(tx, ctx, request.params.groupId)),
  );

  app.post(
    '/:groupId',
    {
      config: data,
      schema: { tags, params: groupIdParams, body: updateGroupSchema, response: { 200: groupSchema } },
    },
    async (request) => run(request, (tx, ctx) => updateGroup(tx, ctx, request.params.groupId, request.body)),
  );

  app.get(
    '/join-requests/mine',
    {
      config: data,
      schema: { tags, querystring: joinRequestQuerySchema, response: { 200: joinRequestListSchema } },
    },
    async (request) => run(request, (tx, ctx) => listJoinRequests(tx, ctx, null, request.query)),
  );

  app.post(
    '/:groupId/join-requests',
    {
      config: data,
      schema: {
        tags,
        params: groupIdParams,
        body: joinRequestInputSchema,
        response: { 201: joinRequestSchema },
      },
    },
    async (request, reply) => {
      const created = await run(request, (tx, ctx) =>
        requestToJoin(tx, ctx, deps.settings, request.params.groupId, request.body),
      );
      deps.mail.kick();
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/:groupId/join-requests',
    {
      config: data,
      schema: {
        tags,
        params: groupIdParams,
        querystring: joinRequestQuerySchema,
        response: { 200: joinRequestListSchema },
      },
    },
    async (request) =>
      run(request, (tx, ctx) => listJoinRequests(tx, ctx, request.params.groupId, request.query)),
  );

  app.post(
    '/:groupId/join-requests/:requestId/approve',
    {
      config: data,
      schema: {
        tags,
        params: joinRequestParams,
        body: approveJoinSchema,
        response: { 200: joinRequestSchema },
      },
    },
    async (request) => {
      const decided = await run(request, (tx, ctx) =>
        approveJoinRequest(tx, ctx, deps.settings, request.params, request.body),
      );
      deps.mail.kick();
      return decided;
    },
  );

  app.post(
    '/:groupId/join-requests/:requestId/reject',
    {
      config: data,
      schema: {
        tags,
        params: joinRequestParams,
        body: rejectJoinSchema,
        response: { 200: joinRequestSchema },
      },
    },
    async (request) => {
      const decided = await run(request, (tx, ctx) =>
        rejectJoinRequest(tx, ctx, request.params, request.body.reason),
      );
      deps.mail.kick();
      return decided;
    },
  );

  app.get(
    '/:groupId/members',
    { config: data, schema: { tags, params: groupIdParams, response: { 200: memberListSchema } } },
    async (request) => ({
      items: await run(request, (tx, ctx) => listMembers(tx, ctx, request.params.groupId)),
    }),
  );

  app.post(
    '/:groupId/members/:userId',
    {
      config: data,
      schema: { tags, params: memberParams, body: updateMemberSchema, response: { 200: memberSchema } },
    },
    async (request) => run(request, (tx, ctx) => updateMember(tx, ctx, request.params, request.body)),
  );

  app.delete(
    '/:groupId/members/:userId',
    { config: data, schema: { tags, params: memberParams } },
    async (request, reply) => {
      await run(request, (tx, ctx) => removeMember(tx, ctx, request.params));
      return reply.code(204).send();
    },
  );
};
