/**
 * A signal that fires when the client goes away before its answer is sent (it closed the connection, or its
 * upload was cut), so long work done for it (reading an uploaded file) stops instead of running on for nobody.
 */
import type { FastifyReply } from 'fastify';

export function abandonedSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // The response closes either after its answer was written (not abandoned) or when the connection is gone first.
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
