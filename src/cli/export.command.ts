/** plenum export version ID: print a version's block tree. */
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';
import { getBlocks, getLanguageVersion, getVersion } from '../documents/documents.service.ts';
import type { Block } from '../documents/documents.schema.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';
import { loadConfig } from '../config.ts';
import { exportVersionAkn } from '../interchange/akn.service.ts';
import { exportPeriodAnnotations } from '../interchange/annotations.service.ts';

/** Usage of plenum export. */
export const exportUsage = `plenum export version ID [--language TAG] [--format json|text|akn] [--db URL|PATH]
plenum export period ID --format annotations [--db URL|PATH]

Prints the blocks of a version (by version id, in --language or English or the first
language) or of a language version (by its id): kind, address, number, text and footnote
references, as a tree (sub-paragraphs inside their paragraph); with --format akn, the same
language as Akoma Ntoso 3.0 XML (AKN4UN). \`export period\` prints a comment period's published
comments as a W3C Web Annotation collection (JSON-LD; links on PLENUM_PUBLIC_URL).`;

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
  if (positionals[0] === 'period' && positionals.length === 2) {
    if (values.format !== 'annotations')
      throw new UsageError('usage: plenum export period ID --format annotations');
    const opened = await openCliDatabase(values.db);
    try {
      const base = loadConfig(process.env).publicUrl ?? 'http://localhost:3000';
      const collection = await exportPeriodAnnotations(
        opened.db,
        operatorViewer,
        positionals[1]!,
        base,
        new Date(),
      );
      process.stdout.write(`${JSON.stringify(collection, null, 2)}\n`);
      return 0;
    } finally {
      await opened.close();
    }
  }
  if (positionals[0] !== 'version' || positionals.length !== 2) {
    throw new UsageError(
      'usage: plenum export version ID [--language TAG] [--format json|text|akn] | plenum export period ID --format annotations',
    );
  }
  if (values.format !== 'json' && values.format !== 'text' && values.format !== 'akn') {
    throw new UsageError('--format must be json, text or akn (annotations: plenum export period)');
  }
  const id = positionals[1]!;
  const opened = await openCliDatabase(values.db);
  try {
    if (values.format === 'akn') {
      const file = await exportVersionAkn(opened.db, id, values.language, operatorViewer);
      process.stdout.write(file.xml);
      return 0;
    }
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
