/** plenum process list|add: see and create the processes documents belong to. */
import { processStatuses, type NewProcess } from '../processes/processes.schema.ts';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { addProcess, getProcesses } from '../processes/processes.service.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum process. */
export const processUsage = `plenum process list [--json] [--db URL|PATH]
plenum process add --slug SLUG --name NAME --parent-body BODY --mandate TEXT [options]

list   prints every process with its slug and aliases
add    creates a process; its slug, name, short name and aliases all work as --process
       in plenum import

  --slug SLUG          short name for addresses: lower-case letters, digits, hyphens (e.g. oewg)
  --name NAME          full name
  --short-name NAME    usual abbreviation, e.g. OEWG
  --parent-body BODY   the body that set it up, e.g. "UN General Assembly, First Committee"
  --mandate TEXT       what it is for
  --status STATUS      ${processStatuses.join(', ')} (default active)
  --established YEAR   year or date it was set up
  --alias NAME         another name it is known by (repeatable)
  --json               print the result as JSON`;

/** Runs plenum process; returns the exit code. */
export async function processCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    slug: { type: 'string' },
    name: { type: 'string' },
    'short-name': { type: 'string' },
    'parent-body': { type: 'string' },
    mandate: { type: 'string' },
    status: { type: 'string' },
    established: { type: 'string' },
    alias: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    db: { type: 'string' },
  });
  const action = positionals[0];
  if (positionals.length !== 1 || (action !== 'list' && action !== 'add')) {
    throw new UsageError(
      'usage: plenum process list | plenum process add --slug … --name … --parent-body … --mandate …',
    );
  }
  const opened = await openCliDatabase(values.db);
  try {
    if (action === 'list') {
      const processes = await getProcesses(opened.db);
      if (values.json) process.stdout.write(`${JSON.stringify({ processes }, null, 2)}\n`);
      else if (processes.length === 0)
        process.stdout.write('No processes yet. Create one with plenum process add.\n');
      else
        for (const p of processes) {
          const aliases = p.aliases.length ? `  (also: ${p.aliases.join(', ')})` : '';
          process.stdout.write(`${p.slug.padEnd(30)} ${p.name}${aliases}\n`);
        }
      return 0;
    }
    const missing = (['slug', 'name', 'parent-body', 'mandate'] as const).filter((k) => !values[k]);
    if (missing.length > 0)
      throw new UsageError(`plenum process add needs ${missing.map((k) => `--${k}`).join(', ')}`);
    const created = await opened.db.transaction().execute((trx) =>
      addProcess(trx, operatorViewer, {
        slug: values.slug!,
        name: values.name!,
        shortName: values['short-name'] ?? null,
        parentBody: values['parent-body']!,
        mandate: values.mandate!,
        // createProcess checks the status against the schema's list, like every other field.
        ...(values.status !== undefined ? { status: values.status as NewProcess['status'] } : {}),
        established: values.established ?? null,
        aliases: values.alias ?? [],
      }),
    );
    process.stdout.write(
      values.json
        ? `${JSON.stringify(created, null, 2)}\n`
        : `Created process ${created.slug} (${created.name}): ${created.id}\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
