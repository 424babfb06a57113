/**
 * An SMTP server inside the test process (the `smtp-server` package, plain SMTP on 127.0.0.1, no TLS, no
 * authentication): the platform under test sends its e-mails here through SMTP_URL, and the tests read them.
 * Messages are parsed just enough for our plain-text mails: headers (with RFC 2047 encoded subjects), the
 * text/plain part of a multipart message, quoted-printable or base64 bodies.
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower-case. */
  to: string[];
  subject: string;
  /** The decoded plain-text body. */
  text: string;
  raw: string;
}

export interface MailServer {
  url: string;
  messages: ReceivedMail[];
  /** The first message to `to` whose subject matches (waiting for it if needed); each message is taken once. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((address) => address.address.toLowerCase());
        messages.push({ to, raw, ...parseMessage(raw) });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, subject, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const wanted = to.toLowerCase();
      while (Date.now() < deadline) {
        const found = messages.find(
          (message) => !taken.has(message) && message.to.includes(wanted) && subject.test(message.subject),
        );
        if (found) {
          taken.add(found);
          return found;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const seen = messages.map((message) => `${message.to.join(',')}: ${message.subject}`).join('\n  ');
      throw new Error(
        `no e-mail to ${to} matching ${String(subject)} within ${timeoutMs} ms; received:\n  ${seen}`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in the mail whose path starts with `pathPrefix`, as a path + query to open on the test server. */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${escapeRegExp(pathPrefix)}[^\\s<>"]*)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no link to ${pathPrefix} in the e-mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parseMessage(raw: string): { subject: string; text: string } {
  const message = splitPart(raw);
  return { subject: decodeWords(message.headers.get('subject') ?? ''), text: textOf(message) };
}

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function textOf(part: Part): string {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    const pieces = part.body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((piece) => splitPart(piece.replace(/^\n/, '')));
    const plain = pieces.find((piece) =>
      /^text\/plain/i.test(piece.headers.get('content-type') ?? 'text/plain'),
    );
    return plain ? textOf(plain) : '';
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

function decodeQuotedPrintable(text: string): string {
  const withoutSoftBreaks = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < withoutSoftBreaks.length; index += 1) {
    const char = withoutSoftBreaks[index]!;
    const hex = withoutSoftBreaks.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
