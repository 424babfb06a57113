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
import { remindOutstandingDownloads } from './features/exports/index.ts';
import { demoOnStart } from './cli-demo.ts';
import { withActor } from './db/with-actor.ts';
import { compactSeizureFigures } from './features/seizures/index.ts';
import { linkAuditEntries } from './features/audit/index.ts';
import { systemActor } from '../shared/actor.ts';

export async function serve(settings: Settings, options: { demo?: boolean } = {}): Promise<void> {
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: settings.databasePoolSize,
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await setUpDatabase(database.db, (line) => process.stderr.write(`${line}\n`));
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

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    clearInterval(inactivityJob);
    clearInterval(downloadsJob);
    clearInterval(figuresJob);
    clearInterval(auditLinkJob);
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
