/**
 * /api/v1/access-receipts: a Party's receipts and the monthly summary's on/off switch
 * (src/shared/access-receipts.contract.ts). Who may read which Party is the policy's (access-receipts.policy.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accessReceiptListSchema,
  accessReceiptQuerySchema,
  receiptPreferencesSchema,
} from '../../../shared/access-receipts.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { AccessReceiptsDeps } from './access-receipts-deps.ts';
import { listAccessReceipts } from './list-access-receipts.ts';
import { readReceiptPreferences, setReceiptPreferences } from './receipt-preferences.ts';

export const accessReceiptRoutes: FastifyPluginAsyncZod<AccessReceiptsDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: {
        tags: ['access-receipts'],
        querystring: accessReceiptQuerySchema,
        response: { 200: accessReceiptListSchema },
      },
    },
    async (request) => listAccessReceipts(deps, request.actor, requestContextOf(request), request.query),
  );

  app.get(
    '/preferences',
    {
      config: { access: 'data' },
      schema: { tags: ['access-receipts'], response: { 200: receiptPreferencesSchema } },
    },
    async (request) => readReceiptPreferences(deps, request.actor),
  );

  app.post(
    '/preferences',
    {
      config: { access: 'data' },
      schema: {
        tags: ['access-receipts'],
        body: receiptPreferencesSchema,
        response: { 200: receiptPreferencesSchema },
      },
    },
    async (request) => setReceiptPreferences(deps, request.actor, requestContextOf(request), request.body),
  );
};
