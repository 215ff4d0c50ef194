/** plenum account add|grant|list: accounts and roles from the command line (the operator's tool). */
import { grantRole, signUp } from '../accounts/accounts.service.ts';
import { scopedRoles, type ScopedRole } from '../accounts/accounts.schema.ts';
import { getOrganisation } from '../organisations/organisations.service.ts';
import { requireProcess } from '../processes/processes.service.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum account. */
export const accountUsage = `plenum account add --email EMAIL --name NAME [--admin] [--db URL|PATH]
plenum account grant --email EMAIL --role ROLE (--process REF | --organisation REF) [--db URL|PATH]

add     creates an account. The password is read from $PLENUM_PASSWORD, else from the first
        line of standard input (at least 10 characters). --admin makes it an administrator:
        the first administrator is created this way.
grant   gives an account a role: secretariat or moderator of a process (slug, id or
        alias), or representative of an organisation (slug or id)

Roles: ${scopedRoles.join(', ')}`;

async function readPassword(): Promise<string> {
  if (process.env.PLENUM_PASSWORD) return process.env.PLENUM_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (at least 10 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

/** Runs plenum account; returns the exit code. */
export async function accountCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    email: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'boolean', default: false },
    role: { type: 'string' },
    process: { type: 'string' },
    organisation: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const action = positionals[0];
  if (positionals.length !== 1 || (action !== 'add' && action !== 'grant')) {
    throw new UsageError(
      'usage: plenum account add --email … --name … | plenum account grant --email … --role …',
    );
  }
  if (!values.email) throw new UsageError('--email is required');
  if (action === 'add') {
    if (!values.name) throw new UsageError('--name is required');
    const password = await readPassword();
    const opened = await openCliDatabase(values.db);
    try {
      const account = await opened.db
        .transaction()
        .execute((trx) =>
          signUp(
            trx,
            { email: values.email, name: values.name, password },
            { isAdmin: values.admin, actor: 'cli' },
          ),
        );
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ id: account.id, email: account.email, admin: account.isAdmin })}\n`
          : `Account ${account.email} created${account.isAdmin ? ' (administrator)' : ''}: ${account.id}\n`,
      );
      return 0;
    } finally {
      await opened.close();
    }
  }
  const role = values.role as ScopedRole | undefined;
  if (!role || !scopedRoles.includes(role))
    throw new UsageError(`--role must be one of ${scopedRoles.join(', ')}`);
  const opened = await openCliDatabase(values.db);
  try {
    let scopeId: string;
    let scopeName: string;
    if (role === 'representative') {
      if (!values.organisation) throw new UsageError('a representative needs --organisation');
      const organisation = await getOrganisation(opened.db, values.organisation);
      scopeId = organisation.id;
      scopeName = organisation.name;
    } else {
      if (!values.process) throw new UsageError(`a ${role} needs --process`);
      const found = await requireProcess(opened.db, values.process);
      scopeId = found.id;
      scopeName = found.shortName ?? found.name;
    }
    await opened.db
      .transaction()
      .execute((trx) => grantRole(trx, { email: values.email!, role, scopeId }, 'cli'));
    process.stdout.write(`${values.email} is now ${role} of ${scopeName}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}
