/**
 * `itd serve`: opens the database, brings it up to date, listens, and on SIGTERM or SIGINT stops
 * taking new requests, lets the ones in flight finish, then closes the database cleanly (a PGlite
 * data directory is flushed and unlocked, never left half-written).
 */
import { buildApp } from './app.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { setUpDatabase } from './setup-database.ts';
import { ensureFirstAdmin } from './features/users/index.ts';
import { runInactivityJobOnce } from './features/users/index.ts';
import { sendAccessReceiptSummaries } from './features/access-receipts/index.ts';
import { remindOutstandingDownloads, runPublicationDeadlines } from './features/exports/index.ts';
import { demoOnStart } from './cli-demo.ts';
import { withActor } from './db/with-actor.ts';
import { compactSeizureFigures } from './features/seizures/index.ts';
import { emptyStaleOutboxBodies } from './features/mail/index.ts';
import { linkAuditEntries, writeAuditCheckpoint } from './features/audit/index.ts';
import { serveBackups } from './features/backups/index.ts';
import { systemActor } from '../shared/actor.ts';
import { openPlatformKey } from './features/platform-key/index.ts';

export async function serve(settings: Settings, options: { demo?: boolean } = {}): Promise<void> {
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: settings.databasePoolSize,
    readUrl: settings.databaseRead.url,
    maxReadLagSeconds: settings.databaseRead.maxLagSeconds,
    // Logged once per change: reads moving to the primary and back are worth an operator's attention.
    onReplicaChange: (state, error) =>
      process.stderr.write(
        `read replica: ${state.status}${state.lagSeconds === null ? '' : ` (lag ${state.lagSeconds.toFixed(3)} s)`}` +
          `${error instanceof Error ? ` — ${error.message}` : ''}\n`,
      ),
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await setUpDatabase(database.db, (line) => process.stderr.write(`${line}\n`));
    // The key that sealed the stored secrets, or no start at all (never a new key over old secrets).
    await openPlatformKey(database.db, settings);
    const firstAdmin = await ensureFirstAdmin(database.db, settings.firstAdminEmail);
    if (firstAdmin) {
      // Shown once, on the operator's terminal only (never in the structured log).
      process.stdout.write(
        `First Secretariat admin: ${firstAdmin.email} / one-time password: ${firstAdmin.password}\n`,
      );
    }
    // --demo: a newcomer's first start fills an empty ITD with demo data and accounts (README "Start it").
    if (options.demo) await demoOnStart(database);
    app = await buildApp({ database, settings });
    await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const shownHost = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
  const where = database.backend === 'pglite' ? `embedded database in ${settings.dataDir}` : 'PostgreSQL';
  process.stdout.write(`ITD Platform is running at http://${shownHost}:${port}/ (${where})\n`);

  // Hourly: warn, then suspend accounts nobody uses (one instance at a time).
  const inactivityJob = setInterval(() => {
    runInactivityJobOnce(database.db, {
      days: settings.inactivitySuspendDays,
      publicUrl: settings.publicUrl,
      clock: () => new Date(),
    }).catch((error: unknown) => app?.log.error({ err: error }, 'inactivity job failed'));
  }, 3_600_000);
  inactivityJob.unref();

  // Every six hours: remind users of downloads not yet attested deleted (one instance at a time).
  const downloadsJob = setInterval(() => {
    remindOutstandingDownloads(database.db, {
      reminderDays: settings.exports.reminderDays,
      publicUrl: settings.publicUrl,
      clock: () => new Date(),
    }).catch((error: unknown) => app?.log.error({ err: error }, 'download reminders failed'));
  }, 6 * 3_600_000);
  downloadsJob.unref();

  // Every fifteen minutes (one instance at a time): fold the audit log into the Parties' access receipts and send
  // last month's summaries once; expire and remind requests for consent to publish.
  const dataOutJob = setInterval(() => {
    const clock = () => new Date();
    sendAccessReceiptSummaries(database.db, { publicUrl: settings.publicUrl, clock })
      .then(() =>
        runPublicationDeadlines(database.db, {
          reminderDays: settings.exports.publication.reminderDays,
          publicUrl: settings.publicUrl,
          clock,
        }),
      )
      .catch((error: unknown) => app?.log.error({ err: error }, 'receipts and publication deadlines failed'));
  }, 900_000);
  dataOutJob.unref();

  // Every few minutes: fold the figures' deltas written by imports and corrections (any instance may; they queue).
  const figuresJob = setInterval(() => {
    withActor(database.db, systemActor('figures'), compactSeizureFigures).catch((error: unknown) =>
      app?.log.error({ err: error }, 'figures compaction failed'),
    );
  }, 300_000);
  figuresJob.unref();

  // Every second: give the audit entries committed meanwhile their place in the chain (ADR 0010).
  const auditLinkJob = setInterval(() => {
    linkAuditEntries(database.db).catch((error: unknown) =>
      app?.log.error({ err: error }, 'audit linking failed'),
    );
  }, 1_000);
  auditLinkJob.unref();

  // Every ten minutes: unsent e-mails older than their retention lose their bodies (their links; issue 20).
  const outboxRetentionJob = setInterval(() => {
    emptyStaleOutboxBodies(database.db, {
      now: new Date(),
      retentionHours: settings.outboxUnsentBodyHours,
    }).catch((error: unknown) => app?.log.error({ err: error }, 'outbox retention failed'));
  }, 600_000);
  outboxRetentionJob.unref();
  // Hourly (AUDIT_CHECKPOINT_MINUTES): the chain's head to the data directory and the log, outside the database.
  const checkpointJob = setInterval(() => {
    writeAuditCheckpoint(database.db, settings.dataDir)
      .then((checkpoint) => app?.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint'))
      .catch((error: unknown) => app?.log.error({ err: error }, 'audit checkpoint failed'));
  }, settings.auditCheckpointMinutes * 60_000);
  checkpointJob.unref();
  // The embedded database is this process's alone: `itd backup` asks it for the copy through a socket.
  const stopBackups =
    database.backend === 'pglite'
      ? await serveBackups(database, settings.dataDir, (error) =>
          app?.log.error({ err: error }, 'backup failed'),
        )
      : async () => {};

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    clearInterval(inactivityJob);
    clearInterval(downloadsJob);
    clearInterval(dataOutJob);
    clearInterval(figuresJob);
    clearInterval(auditLinkJob);
    clearInterval(outboxRetentionJob);
    clearInterval(checkpointJob);
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, settings.shutdownTimeoutSeconds * 1000);
    timer.unref();
    // Connections that finish their last request during shutdown become idle keep-alive sockets;
    // close those as they appear instead of waiting for the keep-alive timeout.
    const idleSweeper = setInterval(() => app.server.closeIdleConnections(), 100);
    app
      .close()
      .finally(() => clearInterval(idleSweeper))
      // The entries of the last requests, linked now rather than by the next start's first tick.
      .then(() => linkAuditEntries(database.db))
      .then(() => stopBackups())
      .then(() => database.close())
      .then(() => {
        process.stdout.write('ITD Platform stopped cleanly.\n');
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
