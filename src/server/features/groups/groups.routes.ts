/**
 * /api/v1/groups: groups, the public directory, join requests and members. Every route but the directory is for
 * signed-in users with the terms accepted (`data`), with no ITD-access condition: IGO users are group members.
 * Messages, library and files are in group-content.routes.ts. Each handler calls one use case (ADR 0012).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
import { requestContextOf } from '../../http/request-context.ts';
import { createGroup } from './create-group.ts';
import { approveJoinRequest, rejectJoinRequest } from './decide-join-request.ts';
import type { GroupsDeps } from './groups-deps.ts';
import { getGroup, listDirectory, listGroups, updateGroup } from './groups.service.ts';
import { listJoinRequests, requestToJoin } from './join-requests.service.ts';
import { listMembers, removeMember, updateMember } from './members.service.ts';

export const groupRoutes: FastifyPluginAsyncZod<GroupsDeps> = async (app, deps) => {
  const data = { access: 'data' as const };
  const tags = ['groups'];

  app.get(
    '/directory',
    { config: { access: 'public' }, schema: { tags, response: { 200: groupDirectorySchema } } },
    async (request) => listDirectory(deps, request.actor, requestContextOf(request)),
  );

  app.get(
    '/',
    { config: data, schema: { tags, querystring: groupListQuerySchema, response: { 200: groupListSchema } } },
    async (request) => ({
      items: await listGroups(deps, request.actor, requestContextOf(request), request.query),
    }),
  );

  app.post(
    '/',
    { config: data, schema: { tags, body: createGroupSchema, response: { 201: groupSchema } } },
    async (request, reply) =>
      reply.code(201).send(await createGroup(deps, request.actor, requestContextOf(request), request.body)),
  );

  app.get(
    '/:groupId',
    { config: data, schema: { tags, params: groupIdParams, response: { 200: groupSchema } } },
    async (request) => getGroup(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:groupId',
    {
      config: data,
      schema: { tags, params: groupIdParams, body: updateGroupSchema, response: { 200: groupSchema } },
    },
    async (request) =>
      updateGroup(deps, request.actor, requestContextOf(request), {
        groupId: request.params.groupId,
        changes: request.body,
      }),
  );

  app.get(
    '/join-requests/mine',
    {
      config: data,
      schema: { tags, querystring: joinRequestQuerySchema, response: { 200: joinRequestListSchema } },
    },
    async (request) =>
      listJoinRequests(deps, request.actor, requestContextOf(request), { ...request.query, groupId: null }),
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
    async (request, reply) =>
      reply.code(201).send(
        await requestToJoin(deps, request.actor, requestContextOf(request), {
          ...request.body,
          ...request.params,
        }),
      ),
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
      listJoinRequests(deps, request.actor, requestContextOf(request), {
        ...request.query,
        ...request.params,
      }),
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
    async (request) =>
      approveJoinRequest(deps, request.actor, requestContextOf(request), {
        ...request.body,
        ...request.params,
      }),
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
    async (request) =>
      rejectJoinRequest(deps, request.actor, requestContextOf(request), {
        ...request.body,
        ...request.params,
      }),
  );

  app.get(
    '/:groupId/members',
    { config: data, schema: { tags, params: groupIdParams, response: { 200: memberListSchema } } },
    async (request) => listMembers(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:groupId/members/:userId',
    {
      config: data,
      schema: { tags, params: memberParams, body: updateMemberSchema, response: { 200: memberSchema } },
    },
    async (request) =>
      updateMember(deps, request.actor, requestContextOf(request), { ...request.body, ...request.params }),
  );

  app.delete(
    '/:groupId/members/:userId',
    { config: data, schema: { tags, params: memberParams } },
    async (request, reply) => {
      await removeMember(deps, request.actor, requestContextOf(request), request.params);
      return reply.code(204).send();
    },
  );
};
