/**
 * plenum serve: open the database, fill a new one with demo content, and listen; with
 * --workers N, N processes share the port (node:cluster) and the database.
 */
import { kickBriefingJobs } from '../briefings/briefing-jobs.service.ts';
import cluster from 'node:cluster';
import { configurePasswordPool } from '../accounts/passwords.ts';
import { loadConfig, type Config } from '../config.ts';
import { isPostgresUrl, openDatabase, openMigratedDatabase, showLocation } from '../db/database.ts';
import { answerWorkersGroups, WriterInPrimary } from '../submissions/cluster-writer.ts';
import {
  SqliteWriterThread,
  writerOnConnection,
  type SubmissionWriter,
} from '../submissions/submission-writer.ts';
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import { loadDemoIfEmpty } from '../demo/demo.service.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import { MailSender, screenTransport } from '../mail/mail-sender.ts';
import { smtpTransport } from '../mail/smtp-transport.ts';
import { issuePeriodNotices, issueWatchDigests } from '../notifications/notifications.service.ts';
import { WebhookDeliverer } from '../watches/webhook-deliverer.ts';
import { createHttpServer, listen } from '../http-server.ts';
import { parseFlags } from './output.ts';
import { keepPrinterWarm, stopPrinter } from '../web/print-pdf.ts';

/** Usage of plenum serve. */
export const serveUsage = `plenum serve [--port N] [--host ADDRESS] [--db URL|PATH] [--workers N] [--no-demo]

Serves the web pages and the JSON API. Environment: PORT (3000), HOST (127.0.0.1),
DATABASE_URL (./data/plenum.sqlite), PLENUM_WORKERS (1), PLENUM_DEMO (auto: fill a new,
empty database with demo content; off: never).

--workers N runs N server processes on the one port, each with its own connection to the
database (SQLite file or PostgreSQL); one per CPU core uses them all. On a SQLite file their
submissions are committed by one writer, in the command's first process. Several serve
commands, on one machine or many, may also share one PostgreSQL database.`;

/** Runs plenum serve until SIGINT or SIGTERM; returns the exit code. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    workers: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
  });
  const config = loadConfig({
    ...process.env,
    ...(values.port !== undefined ? { PORT: values.port } : {}),
    ...(values.host !== undefined ? { HOST: values.host } : {}),
    ...(values.db !== undefined ? { DATABASE_URL: values.db } : {}),
    ...(values.workers !== undefined ? { PLENUM_WORKERS: values.workers } : {}),
    ...(values['no-demo'] ? { PLENUM_DEMO: 'off' } : {}),
  });
  if (cluster.isWorker) {
    try {
      return await serveWorker(config);
    } finally {
      // The channel to the primary would keep a failed worker alive: let it go.
      if (cluster.worker!.isConnected()) cluster.worker!.disconnect();
    }
  }
  await prepareDatabase(config);
  return config.workers > 1 ? superviseWorkers(config) : serveWorker(config, true);
}

/** Migrates the database and fills a new one with the demo, once, before any server starts. */
async function prepareDatabase(config: Config): Promise<void> {
  const { opened, applied } = await openMigratedDatabase(config.databaseUrl, {
    pgPoolSize: 1,
  });
  try {
    if (applied.length > 0)
      console.log(`plenum: applied ${applied.length} migration(s) to ${opened.location}`);
    // The shipped concepts a database does not have yet (a new one, or one older than them).
    const concepts = await installShippedConcepts(opened.db);
    if (concepts > 0) {
      const tagged = await tagIndexedPassages(opened.db);
      console.log(
        `plenum: added ${concepts} shipped concept(s); ${tagged} tag(s) on passages already indexed`,
      );
    }
    if (config.demo !== 'off') {
      const loaded = await loadDemoIfEmpty(opened.db);
      if (loaded)
        console.log(
          `plenum: new database, filled with demo content (${loaded.processes} processes, ${loaded.documents} documents, ${loaded.submissions} demo submissions; demo accounts are listed in the README)`,
        );
    }
  } finally {
    await opened.close();
  }
}

function announce(config: Config, port: number, engine: string, processes: number): void {
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const where = `${engine}: ${showLocation(config.databaseUrl)}`;
  const how = processes > 1 ? `, ${processes} processes` : '';
  console.log(`plenum: serving on http://${shown}:${port}/ (${where}${how})`);
}

/** How e-mail leaves this installation, for the pages that say so. */
function mailModeOf(config: Config): 'smtp' | 'development' | 'none' {
  return config.smtp ? 'smtp' : config.mailDevelopment ? 'development' : 'none';
}

/**
 * Whether the primary of --workers N is the one writer of every process's submissions: on a
 * SQLite file, whose one write lock N writers would take in turns (cluster-writer.ts).
 */
function primaryWrites(config: Config): boolean {
  return (
    config.workers > 1 && !isPostgresUrl(config.databaseUrl) && config.databaseUrl !== ':memory:'
  );
}

/** One server process: its own database connection, its own submission queue. */
async function serveWorker(config: Config, announceIt = false): Promise<number> {
  const opened = await openDatabase(config.databaseUrl, { pgPoolSize: config.pgPoolSize });
  await configurePasswordPool(config.passwordPool);
  // Search, concept tagging and watch matching follow the event log, just after the receipts.
  const followers = new Followers(opened.db, opened.engine, allFollowers);
  // In a cluster on a SQLite file, the primary commits the groups this process checks; alone,
  // with PLENUM_SQLITE_WRITER=thread, they commit off the event loop (submission-writer.ts).
  const submissionWriter =
    cluster.isWorker && primaryWrites(config)
      ? new WriterInPrimary()
      : config.sqliteWriter === 'thread' &&
          opened.engine === 'sqlite' &&
          config.databaseUrl !== ':memory:'
        ? new SqliteWriterThread(config.databaseUrl)
        : undefined;
  const { server, deps } = await createHttpServer({
    db: opened.db,
    engine: opened.engine,
    followers,
    ...(submissionWriter ? { submissionWriter } : {}),
    allowPrivateWebhooks: config.allowPrivateWebhooks,
    limitSettings: config.limits,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    trustProxy: config.trustProxy,
    mail: mailModeOf(config),
  });
  followers.start();
  // A paper's PDF is printed by a browser this process keeps between prints.
  keepPrinterWarm();
  // Webhook deliveries wait in the database; every process sends the due ones it claims.
  const webhooks = new WebhookDeliverer(opened.db, {
    allowPrivate: config.allowPrivateWebhooks,
  });
  webhooks.start();
  // Briefing jobs wait in the database: each process drafts the queued ones it claims, those
  // left from before a restart first, then every 30 s those queued by other processes.
  kickBriefingJobs(opened.db);
  setInterval(() => kickBriefingJobs(opened.db), 30_000).unref();
  const siteUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  // The outbox: every process writes the period notices due and sends the messages it claims.
  const transport = config.smtp
    ? smtpTransport(config.smtp)
    : config.mailDevelopment
      ? screenTransport
      : undefined;
  const mail = new MailSender(opened.db, opened.engine, transport, {
    from: config.mailFrom,
    siteUrl,
    keepLinks: transport === screenTransport,
  });
  mail.alsoEachPoll(() => issuePeriodNotices(opened.db, opened.engine, new Date()));
  mail.alsoEachPoll(() =>
    issueWatchDigests(opened.db, opened.engine, new Date(), config.digestHours * 3_600_000),
  );
  // Without a server, messages wait in the outbox (the operator page says so): none is lost.
  mail.start();
  const port = await listen(server, config.port, config.host);
  if (announceIt) announce(config, port, opened.engine, 1);
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    const stop = (): void => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // In a cluster, the primary asks its workers to stop by disconnecting them.
    if (cluster.isWorker) cluster.worker!.once('disconnect', stop);
  });
  await followers.stop();
  await submissionWriter?.close();
  await webhooks.stop();
  await mail.stop();
  await deps.tokenUses.flush();
  await stopPrinter();
  await opened.close();
  return 0;
}

/**
 * The primary of --workers N: starts N servers on the one port, replaces one that dies, and
 * stops them all on SIGINT or SIGTERM (each finishes the requests it has, then closes). On a
 * SQLite file it is also the one writer of their submissions.
 */
async function superviseWorkers(config: Config): Promise<number> {
  const writing = primaryWrites(config) ? await writeForWorkers(config) : undefined;
  let stopping = false;
  let listening = 0;
  const engine = isPostgresUrl(config.databaseUrl) ? 'postgres' : 'sqlite';
  cluster.on('listening', (worker, address) => {
    listening += 1;
    if (listening === config.workers) announce(config, address.port, engine, config.workers);
    else if (listening > config.workers)
      console.log(
        `plenum: server process ${worker.process.pid} serves in place of the one that ended`,
      );
  });
  let failed = false;
  let stop = (): void => {};
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (listening < config.workers) {
      // A process that ends before all are listening (port taken, database unreachable) would
      // end again if replaced: stop instead of starting it over and over.
      console.error(`plenum: a server process could not start (exit code ${code}); stopping`);
      failed = true;
      stop();
      return;
    }
    console.error(
      `plenum: server process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another`,
    );
    cluster.fork();
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  await new Promise<void>((resolve) => {
    stop = (): void => {
      if (stopping) return;
      stopping = true;
      cluster.disconnect(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Every worker has answered its last request: the groups it sent are committed and answered.
  await writing?.close();
  return failed ? 1 : 0;
}

/**
 * Opens the primary's writer and answers the groups its workers send: on its own connection, or
 * with PLENUM_SQLITE_WRITER=thread in a thread of its own (the primary's event loop also hands
 * each new connection to a worker).
 */
async function writeForWorkers(config: Config): Promise<{ close: () => Promise<void> }> {
  // Groups carry Dates and attachments' bytes: the channel uses the structured clone.
  cluster.setupPrimary({ serialization: 'advanced' });
  const opened =
    config.sqliteWriter === 'thread' ? undefined : await openDatabase(config.databaseUrl);
  const writer: SubmissionWriter = opened
    ? writerOnConnection(opened.db, opened.engine)
    : new SqliteWriterThread(config.databaseUrl);
  const drained = answerWorkersGroups(writer);
  console.log(
    `plenum: one writer for ${config.workers} processes: their submissions commit in process ${process.pid}${opened ? '' : ', in a writer thread'}`,
  );
  return {
    close: async () => {
      await drained();
      await writer.close();
      await opened?.close();
    },
  };
}
