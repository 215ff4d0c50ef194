/** plenum demo: fill a database with the demo processes and documents. */
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import { loadDemoIfEmpty } from '../demo/demo.service.ts';
import { openCliDatabase, parseFlags } from './output.ts';

/** Usage of plenum demo. */
export const demoUsage = `plenum demo [--db URL|PATH]

Fills an empty database with the demo content: real processes (facts only) and
illustrative documents written for the demo, imported through the same importer.
A database that already holds processes is left as it is.`;

/** Runs plenum demo; returns the exit code. */
export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { db: { type: 'string' } });
  const opened = await openCliDatabase(values.db);
  try {
    // Concepts first, so the demo's paragraphs and submissions are tagged as they arrive.
    if ((await installShippedConcepts(opened.db)) > 0) await tagIndexedPassages(opened.db);
    const loaded = await loadDemoIfEmpty(opened.db);
    process.stdout.write(
      loaded
        ? `Loaded the demo into ${opened.location}: ${loaded.processes} processes, ${loaded.documents} documents, ${loaded.languageVersions} language versions, a consultation with ${loaded.submissions} submissions from ${loaded.organisations} invented organisations (${loaded.accounts} demo accounts, password in the README).\n`
        : `${opened.location} already holds processes; nothing was changed.\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
