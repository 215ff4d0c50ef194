/** plenum <command>: the command-line entry point. */
import { ConfigError } from '../config.ts';
import { accountCommand, accountUsage } from './account.command.ts';
import { briefCommand, briefUsage } from './brief.command.ts';
import { campaignsCommand, campaignsUsage } from './campaigns.command.ts';
import { demoCommand, demoUsage } from './demo.command.ts';
import { exportCommand, exportUsage } from './export.command.ts';
import { importCommand, importUsage } from './import.command.ts';
import { migrateCommand, migrateUsage } from './migrate.command.ts';
import { processCommand, processUsage } from './process.command.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import { reportError } from './output.ts';
import { searchCommand, searchUsage } from './search.command.ts';
import { serveCommand, serveUsage } from './serve.command.ts';
import { statusCommand, statusUsage } from './status.command.ts';
import { transparencyCommand, transparencyUsage } from './transparency.command.ts';
import { verifyCommand, verifyUsage } from './verify.command.ts';

const commands: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  serve: { run: serveCommand, usage: serveUsage },
  migrate: { run: migrateCommand, usage: migrateUsage },
  process: { run: processCommand, usage: processUsage },
  import: { run: importCommand, usage: importUsage },
  export: { run: exportCommand, usage: exportUsage },
  demo: { run: demoCommand, usage: demoUsage },
  account: { run: accountCommand, usage: accountUsage },
  search: { run: searchCommand, usage: searchUsage },
  campaigns: { run: campaignsCommand, usage: campaignsUsage },
  brief: { run: briefCommand, usage: briefUsage },
  status: { run: statusCommand, usage: statusUsage },
  transparency: { run: transparencyCommand, usage: transparencyUsage },
  verify: { run: verifyCommand, usage: verifyUsage },
};

const overview = `plenum: open deliberation in Internet governance

Usage: plenum <command> [options]

Commands:
  serve      serve the web pages and JSON API (default port 3000)
  migrate    bring the database schema up to date
  process    list the processes, or add one (plenum process add …)
  import     import a document file (text, Markdown, DOCX) as numbered paragraphs
  export     print a version's block tree as JSON or text
  account    create accounts (the first administrator) and grant roles
  search     find passages in the six UN languages; --reindex rebuilds the index
  campaigns  regroup a comment period's near-duplicate submissions into campaigns
  brief      draft a briefing paper (Markdown, HTML, DOCX or PDF) on processes, a period, concepts
  demo       fill a database with the demo processes, documents and consultation
  status     how far search, concepts and watches are behind the event log, and any failure
  transparency  print the transparency log (entries, signed tree heads, keys); rotate its key
  verify     check a downloaded transparency log against its tree heads and a consultation export
  help       show this, or "plenum help COMMAND" for one command

Every command takes --db (a SQLite file or a postgres:// URL); the default is
$DATABASE_URL, else ./data/plenum.sqlite.`;

/** The flag an argument is or belongs to (`--title`), else its position. */
function argumentName(args: string[], i: number): string {
  const arg = args[i]!;
  if (arg.startsWith('--')) return arg.split('=')[0]!;
  const before = args[i - 1];
  return before?.startsWith('--') ? before : `argument ${i + 1}`;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  // `plenum export … | head` closes the pipe early: that is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] ? commands[args[0]] : undefined;
    process.stdout.write(`${topic ? topic.usage : overview}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`plenum: unknown command "${name}"\n\n${overview}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    // The door for text from the command line: each argument named by its flag.
    args.forEach((arg, i) => refuseForbiddenText(arg, argumentName(args, i)));
    return await command.run(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`plenum: ${error.message}\n`);
      return 1;
    }
    return reportError(error, args.includes('--json'));
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
