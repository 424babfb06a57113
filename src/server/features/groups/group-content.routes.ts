/**
 * /api/v1/groups: what is inside a group — messages, unread counts, notifications, the live stream, the library
 * and files. Everything answers only to current members (`data` access, no ITD-access condition); anything the
 * caller may not see is a 404.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  composeMessageSchema,
  createLibraryItemSchema,
  fileParams,
  groupIdParams,
  libraryItemSchema,
  libraryListSchema,
  libraryParams,
  libraryQuerySchema,
  messageListQuerySchema,
  messageListSchema,
  messageParams,
  messageSchema,
  messageThreadSchema,
  newLibraryVersionSchema,
  notificationListSchema,
  notificationParams,
  notificationQuerySchema,
  unreadCountsSchema,
  uploadedFileSchema,
} from '../../../shared/groups.contract.ts';
import { ValidationError } from '../../errors.ts';
import { requestContextOf } from '../../http/request-context.ts';
import { downloadFile, uploadFile } from './files.service.ts';
import type { GroupsDeps } from './groups-deps.ts';
import { listLibrary, readLibraryItem } from './library.service.ts';
import { getMessageThread, listGroupMessages, markMessageRead, unreadCounts } from './messages.service.ts';
import { listNotifications, markNotificationRead } from './notifications.service.ts';
import { addLibraryVersion, publishLibraryItem } from './publish-library-item.ts';
import { sendMessage } from './send-message.ts';
import { closeGroupStreams, serveGroupStream } from './stream.ts';

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const groupContentRoutes: FastifyPluginAsyncZod<GroupsDeps> = async (app, deps) => {
  const data = { access: 'data' as const };
  const tags = ['groups'];
  const maxBytes = deps.settings.groups.fileMaxBytes;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
  app.addHook('onClose', () => closeGroupStreams());

  app.get(
    '/stream',
    { config: data, schema: { tags, description: 'text/event-stream of groupStreamEventSchema events' } },
    async (request, reply) => serveGroupStream(deps, request, reply),
  );

  app.get(
    '/unread',
    { config: data, schema: { tags, response: { 200: unreadCountsSchema } } },
    async (request) => unreadCounts(deps, request.actor, requestContextOf(request)),
  );

  app.get(
    '/notifications',
    {
      config: data,
      schema: { tags, querystring: notificationQuerySchema, response: { 200: notificationListSchema } },
    },
    async (request) => listNotifications(deps, request.actor, requestContextOf(request), request.query),
  );

  app.post(
    '/notifications/:notificationId/read',
    { config: data, schema: { tags, params: notificationParams } },
    async (request, reply) => {
      await markNotificationRead(deps, request.actor, requestContextOf(request), request.params);
      return reply.code(204).send();
    },
  );

  app.get(
    '/:groupId/messages',
    {
      config: data,
      schema: {
        tags,
        params: groupIdParams,
        querystring: messageListQuerySchema,
        response: { 200: messageListSchema },
      },
    },
    async (request) =>
      listGroupMessages(deps, request.actor, requestContextOf(request), {
        ...request.query,
        ...request.params,
      }),
  );

  app.post(
    '/:groupId/messages',
    {
      config: data,
      schema: { tags, params: groupIdParams, body: composeMessageSchema, response: { 201: messageSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(
        await sendMessage(deps, request.actor, requestContextOf(request), {
          ...request.body,
          ...request.params,
        }),
      ),
  );

  app.get(
    '/:groupId/messages/:messageId',
    { config: data, schema: { tags, params: messageParams, response: { 200: messageThreadSchema } } },
    async (request) => getMessageThread(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:groupId/messages/:messageId/read',
    { config: data, schema: { tags, params: messageParams } },
    async (request, reply) => {
      await markMessageRead(deps, request.actor, requestContextOf(request), request.params);
      return reply.code(204).send();
    },
  );

  app.get(
    '/:groupId/library',
    {
      config: data,
      schema: {
        tags,
        params: groupIdParams,
        querystring: libraryQuerySchema,
        response: { 200: libraryListSchema },
      },
    },
    async (request) =>
      listLibrary(deps, request.actor, requestContextOf(request), { ...request.query, ...request.params }),
  );

  app.post(
    '/:groupId/library',
    {
      config: data,
      schema: {
        tags,
        params: groupIdParams,
        body: createLibraryItemSchema,
        response: { 201: libraryItemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await publishLibraryItem(deps, request.actor, requestContextOf(request), {
          ...request.body,
          ...request.params,
        }),
      ),
  );

  app.get(
    '/:groupId/library/:itemId',
    { config: data, schema: { tags, params: libraryParams, response: { 200: libraryItemSchema } } },
    async (request) => readLibraryItem(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:groupId/library/:itemId/versions',
    {
      config: data,
      schema: {
        tags,
        params: libraryParams,
        body: newLibraryVersionSchema,
        response: { 201: libraryItemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await addLibraryVersion(deps, request.actor, requestContextOf(request), {
          ...request.body,
          ...request.params,
        }),
      ),
  );

  app.post(
    '/:groupId/files',
    {
      config: data,
      bodyLimit: maxBytes + 64 * 1024,
      schema: {
        tags,
        params: groupIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: uploadedFileSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new ValidationError([{ field: 'file', reason: 'required' }]);
      const part = await request.file();
      if (!part || part.fieldname !== 'file')
        throw new ValidationError([{ field: 'file', reason: 'required' }]);
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new ValidationError([
            { field: 'file', reason: 'file_too_large', params: { limit: maxBytes } },
          ]);
        throw error;
      }
      const uploaded = await uploadFile(deps, request.actor, requestContextOf(request), {
        groupId: request.params.groupId,
        fileName: part.filename,
        content,
      });
      return reply.code(201).send(uploaded);
    },
  );

  app.get(
    '/:groupId/files/:fileId/download',
    { config: data, schema: { tags, params: fileParams } },
    async (request, reply) => {
      const file = await downloadFile(deps, request.actor, requestContextOf(request), request.params);
      // Security: always a download, never rendered: attachment, no sniffing, a sandbox if a browser tried anyway.
      return reply
        .header(
          'content-type',
          file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
        )
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
