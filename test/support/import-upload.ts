/** A CSV uploaded to /api/v1/imports as the web app sends it (multipart: the form's fields, then the file). */
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from './identity.ts';

export async function uploadImportCsv(
  app: FastifyInstance,
  client: ApiClient,
  csv: string,
  fields: Record<string, string> = {},
) {
  const boundary = '----itdupload' + Math.random().toString(16).slice(2);
  const parts = Object.entries({ year: '2024', ...fields }).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: `itd_session=${client.cookie}`,
      'x-csrf-token': client.csrf ?? '',
    },
  });
}
