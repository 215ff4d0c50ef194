/** plenum verify: check a downloaded transparency log, offline. */
import { createReadStream, readFileSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { LogEntry, LogKey, TreeHead } from '../transparency/transparency.schema.ts';
import { parseFlags, UsageError } from './output.ts';
import { LogVerifier, type ConsultationExport } from './verify.ts';

/** Usage of plenum verify. */
export const verifyUsage = `plenum verify --entries FILE --tree-heads FILE --key FILE [--export FILE ...] [--json]

Checks, offline, a transparency log downloaded from a plenum site:
  --entries     the entries: JSON lines, each an entry or a page of /api/transparency/entries
                (or the output of "plenum transparency entries")
  --tree-heads  the signed tree heads: /api/transparency/tree-heads (JSON), or JSON lines
  --key         the public keys: /api/transparency/key (JSON), or one key as PEM
  --export      the JSON export of a consultation (/consultations/ID/submissions.json,
                unfiltered); may be repeated

The entries must come in order of position (as the API and plenum transparency give them).
Every tree head must be signed by a published key and have the root of the entries up to its
size (so each is consistent with every earlier one); every entry must match its leaf hash; every
published submission must be in the log with the content logged, every logged submission
published or its rejection logged, every co-signer's answer shown in the export logged as shown
and every logged answer in the export. Each problem names the leaf or the submission. Exit code
0 when nothing is wrong, 1 when something is.`;

/** The JSON values of a file: one document, or one a line. */
async function* jsonValues(path: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as unknown;
    } catch {
      throw new UsageError(`${path}, line ${n}: not JSON`);
    }
  }
}

/** Reads the entries of a downloaded log into the verifier, as they come. */
async function readEntries(path: string, verifier: LogVerifier): Promise<void> {
  for await (const value of jsonValues(path)) {
    const page = (value as { entries?: LogEntry[] }).entries;
    if (Array.isArray(page)) for (const e of page) verifier.add(e);
    else verifier.add(value as LogEntry);
  }
}

/** A whole JSON file, or its JSON lines. */
function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  }
}

/** The signed tree heads of a file: the API's page, an array, or JSON lines of either. */
function readTreeHeads(path: string): TreeHead[] {
  const value = readJson(path);
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    const page = (item as { treeHeads?: TreeHead[] }).treeHeads;
    return Array.isArray(page) ? page : [item as TreeHead];
  });
}

/** The public keys of a file: the API's list, or one key as PEM. */
function readKeys(path: string): Pick<LogKey, 'keyId' | 'publicKey'>[] {
  const text = readFileSync(path, 'utf8');
  if (text.trimStart().startsWith('-----BEGIN')) {
    const der = createPublicKey(text).export({ format: 'der', type: 'spki' });
    return [
      { keyId: createHash('sha256').update(der).digest('hex'), publicKey: der.toString('base64') },
    ];
  }
  return (JSON.parse(text) as { keys: LogKey[] }).keys;
}

/** Runs plenum verify; returns the exit code. */
export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    entries: { type: 'string' },
    'tree-heads': { type: 'string' },
    key: { type: 'string' },
    export: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  });
  if (!values.entries || !values['tree-heads'] || !values.key)
    throw new UsageError('plenum verify needs --entries, --tree-heads and --key');
  const verifier = new LogVerifier({
    treeHeads: readTreeHeads(values['tree-heads']),
    keys: readKeys(values.key),
    exports: (values.export ?? []).map((path) => readJson(path) as ConsultationExport),
  });
  await readEntries(values.entries, verifier);
  const verdict = verifier.finish();
  if (values.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  else {
    const lines = [
      `${verdict.entries} entries, ${verdict.treeHeads} signed tree heads checked.`,
      ...verdict.notes,
      ...verdict.problems.map((p) => `PROBLEM: ${p}`),
      verdict.problems.length === 0
        ? 'The log is consistent with its signed tree heads and the exports.'
        : `${verdict.problems.length} problem(s) found.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return verdict.problems.length === 0 ? 0 : 1;
}
