/**
 * E-mail: actions queue messages in the outbox inside their own transaction (so a rolled-back action
 * sends nothing); a sender delivers them over SMTP (SMTP_URL) after commit. Without SMTP the messages
 * stay in the outbox and the log says one was queued (recipient and subject only: bodies can hold links).
 */
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { systemActor } from '../../../shared/actor.ts';
import type { Language } from '../../../shared/languages.ts';
import type { DB } from '../../db/schema.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { renderMail, type TemplateName } from './mail-templates.ts';
import {
  insertOutboxMail,
  lockWaitingMails,
  markSent,
  markUndeliverable,
  recordFailedAttempt,
} from './mail.repo.ts';

export interface MailRequest {
  to: string;
  language: Language;
  template: TemplateName;
  params: Record<string, string | number>;
}

export async function queueMail(tx: Tx, mail: MailRequest): Promise<void> {
  const { subject, body } = renderMail(mail.template, mail.language, mail.params);
  await insertOutboxMail(tx, { recipient: mail.to, subject, body, language: mail.language });
}

export interface MailSender {
  /** Delivers what is waiting now; resolves when done. */
  flush(): Promise<number>;
  /** Asks for a delivery soon (after the current transaction has committed). */
  kick(): void;
  stop(): Promise<void>;
}

export function createMailSender(options: {
  db: Kysely<DB>;
  smtpUrl: string | undefined;
  from: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  intervalMs?: number;
}): MailSender {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const actor = systemActor('mail sender');
  let running: Promise<number> | null = null;
  let kicked: NodeJS.Timeout | null = null;

  async function deliver(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const batch = await withActor(options.db, actor, (tx) => lockWaitingMails(tx));
      if (batch.length === 0 || !transport) {
        for (const mail of batch)
          options.log.info(
            { to: mail.recipient, subject: mail.subject },
            'e-mail queued in the outbox (no SMTP_URL)',
          );
        if (!transport && batch.length > 0) {
          const ids = batch.map((m) => m.id);
          await withActor(options.db, actor, (tx) => markUndeliverable(tx, ids, 'no SMTP_URL configured'));
        }
        return delivered;
      }
      for (const mail of batch) {
        try {
          await transport.sendMail({
            from: options.from,
            to: mail.recipient,
            subject: mail.subject,
            text: mail.body,
          });
          await withActor(options.db, actor, (tx) => markSent(tx, mail.id, new Date()));
          delivered++;
        } catch (error) {
          options.log.warn({ to: mail.recipient, err: error }, 'e-mail delivery failed; will retry');
          await withActor(options.db, actor, (tx) => recordFailedAttempt(tx, mail.id, String(error)));
        }
      }
    }
  }

  function flush(): Promise<number> {
    running ??= deliver().finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => void flush().catch(() => {}), options.intervalMs ?? 5000);
  timer.unref();

  return {
    flush,
    kick() {
      if (kicked) return;
      kicked = setTimeout(() => {
        kicked = null;
        void flush().catch((error: unknown) => options.log.warn({ err: error }, 'e-mail delivery failed'));
      }, 50);
      kicked.unref();
    },
    async stop() {
      clearInterval(timer);
      if (kicked) clearTimeout(kicked);
      await running?.catch(() => {});
      transport?.close();
    },
  };
}
