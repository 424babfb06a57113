/** /api/v1/users and /api/v1/organisations: the Secretariat's management of people and bodies. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOrganisationSchema,
  organisationListSchema,
  organisationSchema,
  statusChangeSchema,
  userListSchema,
  userQuerySchema,
  userSchema,
} from '../../../shared/admin.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { createOrganisation, listOrganisations } from '../organisations/index.ts';
import { changeUserStatus, listUsers, type StatusChange } from './users.service.ts';

const idParams = z.object({ id: z.string().uuid() });

export const userRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  app.get(
    '/users',
    {
      config: { access: 'data' },
      schema: { tags: ['users'], querystring: userQuerySchema, response: { 200: userListSchema } },
    },
    async (request) => listUsers(deps, request.actor, requestContextOf(request), request.query),
  );

  for (const change of ['suspend', 'reinstate', 'withdraw'] as const satisfies readonly StatusChange[]) {
    app.post(
      `/users/:id/${change}`,
      {
        config: { access: 'data' },
        schema: {
          tags: ['users'],
          params: idParams,
          body: statusChangeSchema,
          response: { 200: userSchema },
        },
      },
      async (request) =>
        changeUserStatus(deps, request.actor, requestContextOf(request), {
          userId: request.params.id,
          change,
          reason: request.body.reason,
        }),
    );
  }

  app.get(
    '/organisations',
    {
      config: { access: 'data' },
      schema: { tags: ['organisations'], response: { 200: organisationListSchema } },
    },
    async (request) => ({ items: await listOrganisations(deps, request.actor, requestContextOf(request)) }),
  );

  app.post(
    '/organisations',
    {
      config: { access: 'data' },
      schema: {
        tags: ['organisations'],
        body: createOrganisationSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createOrganisation(deps, request.actor, requestContextOf(request), request.body)),
  );
};
