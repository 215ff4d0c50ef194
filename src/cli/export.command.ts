/** plenum export version ID: print a version's block tree. */
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';
import { getBlocks, getLanguageVersion, getVersion } from '../documents/documents.service.ts';
import type { Block } from '../documents/documents.schema.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum export. */
export const exportUsage = `plenum export version ID [--language TAG] [--format json|text] [--db URL|PATH]

Prints the blocks of a version (by version id, in --language or English or the first
language) or of a language version (by its id): kind, address, number, text and footnote
references, as a tree (sub-paragraphs inside their paragraph).`;

/** A block with the blocks nested in it. */
export type BlockNode = Omit<Block, 'footnoteRefs'> & {
  footnoteRefs: {
    marker: string;
    offset: number;
    footnoteId: string | null;
    footnoteAddress: string | null;
  }[];
  children: BlockNode[];
};

/** Nests blocks under their parents, keeping reading order. */
export function blockTree(blocks: Block[]): BlockNode[] {
  const address = new Map(blocks.map((b) => [b.id, b.address]));
  const nodes = new Map<string, BlockNode>();
  const roots: BlockNode[] = [];
  for (const block of blocks) {
    const node: BlockNode = {
      ...block,
      footnoteRefs: block.footnoteRefs.map((r) => ({
        ...r,
        footnoteAddress: r.footnoteId ? (address.get(r.footnoteId) ?? null) : null,
      })),
      children: [],
    };
    nodes.set(block.id, node);
    const parent = block.parentId ? nodes.get(block.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Runs plenum export; returns the exit code. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    language: { type: 'string' },
    format: { type: 'string', default: 'json' },
    db: { type: 'string' },
  });
  if (positionals[0] !== 'version' || positionals.length !== 2) {
    throw new UsageError('usage: plenum export version ID [--language TAG] [--format json|text]');
  }
  if (values.format !== 'json' && values.format !== 'text') {
    throw new UsageError('--format must be json or text');
  }
  const id = positionals[1]!;
  const opened = await openCliDatabase(values.db);
  try {
    // The operator reads everything, versions in preparation too.
    const languageVersion = await getLanguageVersion(
      opened.db,
      id,
      values.language,
      operatorViewer,
    );
    const version = await getVersion(opened.db, languageVersion.versionId, operatorViewer);
    const blocks = await getBlocks(opened.db, languageVersion.id, operatorViewer);
    if (blocks.length === 0)
      throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND', 'It has no blocks.');
    if (values.format === 'json') {
      process.stdout.write(
        `${JSON.stringify({ version: { id: version.id, documentId: version.documentId, seq: version.seq, label: version.label, date: version.date }, languageVersion, blocks: blockTree(blocks) }, null, 2)}\n`,
      );
    } else {
      const depth = new Map<string, number>();
      for (const b of blocks) {
        const level = b.parentId ? (depth.get(b.parentId) ?? 0) + 1 : 0;
        depth.set(b.id, level);
        const text =
          b.kind === 'table' ? (b.rows ?? []).map((r) => r.join(' | ')).join(' / ') : b.text;
        process.stdout.write(`${'  '.repeat(level)}[${b.address}] ${text}\n`);
      }
    }
    return 0;
  } finally {
    await opened.close();
  }
}
