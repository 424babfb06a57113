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
import { withActor } from '../../db/with-actor.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { requestMeta } from '../identity/request-meta.ts';
import { createOrganisation, listOrganisations } from '../organisations/organisations.service.ts';
import { changeUserStatus, listUsers, type StatusChange } from './users.service.ts';

const idParams = z.object({ id: z.string().uuid() });

export const userRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  app.get(
    '/users',
    {
      config: { access: 'data' },
      schema: { tags: ['users'], querystring: userQuerySchema, response: { 200: userListSchema } },
    },
    async (request) => withActor(deps.db, request.actor, (tx) => listUsers(tx, request.actor, request.query)),
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
      async (request) => {
        const user = await withActor(deps.db, request.actor, (tx) =>
          changeUserStatus(
            tx,
            { actor: request.actor, clock: deps.clock, meta: requestMeta(request) },
            request.params.id,
            change,
            request.body.reason,
          ),
        );
        deps.mail.kick();
        return user;
      },
    );
  }

  app.get(
    '/organisations',
    {
      config: { access: 'data' },
      schema: { tags: ['organisations'], response: { 200: organisationListSchema } },
    },
    async (request) => ({
      items: await withActor(deps.db, request.actor, (tx) => listOrganisations(tx, request.actor)),
    }),
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
    async (request, reply) => {
      const organisation = await withActor(deps.db, request.actor, (tx) =>
        createOrganisation(
          tx,
          { actor: request.actor, clock: deps.clock, meta: requestMeta(request) },
          request.body,
        ),
      );
      return reply.code(201).send(organisation);
    },
  );
};
