/** plenum transparency: the operator's copy of the log (entries, tree heads, keys) and key rotation. */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { inWriteTransaction } from '../db/database.ts';
import {
  entriesPageLimit,
  listEntries,
  listLogKeys,
  listTreeHeads,
  rotateSigningKey,
} from '../transparency/transparency.service.ts';
import type { TreeHead } from '../transparency/transparency.schema.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum transparency. */
export const transparencyUsage = `plenum transparency entries|tree-heads|key|rotate-key [--db URL|PATH]

  entries     prints every entry of the log, one JSON line each (what plenum verify reads)
  tree-heads  prints every signed tree head, as /api/transparency/tree-heads does
  key         prints the public keys, as /api/transparency/key does
  rotate-key  makes a new Ed25519 signing key; the old one is kept, retired, so that the tree
              heads it signed can still be checked`;

/** Runs plenum transparency; returns the exit code. */
export async function transparencyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { db: { type: 'string' } });
  const [what] = positionals;
  if (
    !['entries', 'tree-heads', 'key', 'rotate-key'].includes(what ?? '') ||
    positionals.length !== 1
  )
    throw new UsageError('usage: plenum transparency entries|tree-heads|key|rotate-key');
  const opened = await openCliDatabase(values.db);
  try {
    const { db } = opened;
    if (what === 'entries') {
      for (let start = 0; ; start += entriesPageLimit) {
        // The operator reads every entry, those of versions in preparation too.
        const page = await listEntries(db, operatorViewer, { start });
        if (page.length === 0) break;
        process.stdout.write(`${page.map((e) => JSON.stringify(e)).join('\n')}\n`);
      }
    } else if (what === 'tree-heads') {
      const treeHeads: TreeHead[] = [];
      for (let before: number | null | undefined = undefined; before !== null;) {
        const page = await listTreeHeads(db, {
          limit: 1000,
          ...(before === undefined ? {} : { before }),
        });
        treeHeads.push(...page.treeHeads);
        before = page.next;
      }
      process.stdout.write(`${JSON.stringify({ treeHeads, next: null })}\n`);
    } else if (what === 'key') {
      process.stdout.write(`${JSON.stringify({ keys: await listLogKeys(db) })}\n`);
    } else {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const spki = publicKey.export({ format: 'der', type: 'spki' });
      const id = createHash('sha256').update(spki).digest('hex');
      await inWriteTransaction(db, opened.engine, (trx) =>
        rotateSigningKey(trx, {
          id,
          publicKey: spki.toString('base64'),
          privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
          now: new Date(),
        }),
      );
      process.stdout.write(`New signing key ${id}; the previous one is retired.\n`);
    }
    return 0;
  } finally {
    await opened.close();
  }
}
