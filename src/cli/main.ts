/** plenum <command>: the command-line entry point. */
import { ConfigError } from '../config.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import { reportError } from './output.ts';

/**
 * The commands, each loaded when it is asked for: `plenum search` does not read the web server,
 * the PDF printer and the importers before it starts (a command line is started many times).
 */
type Command = { run: (args: string[]) => Promise<number>; usage: string };
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => {
    const m = await import('./serve.command.ts');
    return { run: m.serveCommand, usage: m.serveUsage };
  },
  migrate: async () => {
    const m = await import('./migrate.command.ts');
    return { run: m.migrateCommand, usage: m.migrateUsage };
  },
  process: async () => {
    const m = await import('./process.command.ts');
    return { run: m.processCommand, usage: m.processUsage };
  },
  import: async () => {
    const m = await import('./import.command.ts');
    return { run: m.importCommand, usage: m.importUsage };
  },
  export: async () => {
    const m = await import('./export.command.ts');
    return { run: m.exportCommand, usage: m.exportUsage };
  },
  demo: async () => {
    const m = await import('./demo.command.ts');
    return { run: m.demoCommand, usage: m.demoUsage };
  },
  account: async () => {
    const m = await import('./account.command.ts');
    return { run: m.accountCommand, usage: m.accountUsage };
  },
  search: async () => {
    const m = await import('./search.command.ts');
    return { run: m.searchCommand, usage: m.searchUsage };
  },
  campaigns: async () => {
    const m = await import('./campaigns.command.ts');
    return { run: m.campaignsCommand, usage: m.campaignsUsage };
  },
  brief: async () => {
    const m = await import('./brief.command.ts');
    return { run: m.briefCommand, usage: m.briefUsage };
  },
  status: async () => {
    const m = await import('./status.command.ts');
    return { run: m.statusCommand, usage: m.statusUsage };
  },
  transparency: async () => {
    const m = await import('./transparency.command.ts');
    return { run: m.transparencyCommand, usage: m.transparencyUsage };
  },
  verify: async () => {
    const m = await import('./verify.command.ts');
    return { run: m.verifyCommand, usage: m.verifyUsage };
  },
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
    const topic = args[0] && Object.hasOwn(commands, args[0]) ? commands[args[0]] : undefined;
    process.stdout.write(`${topic ? (await topic()).usage : overview}\n`);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`plenum: unknown command "${name}"\n\n${overview}\n`);
    return 2;
  }
  const command = await load();
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
