/** Filling a new database with the demo: processes, then documents through the ordinary importer. */
import { drain } from '../followers.ts';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { importTargetSchema } from '../imports/imports.schema.ts';
import { parseImportFile, storeImport } from '../imports/imports.service.ts';
import { createProcess, getProcesses } from '../processes/processes.service.ts';
import { loadDemoConsultation, type DemoConsultation } from './demo-consultation.ts';
import { loadDemoMeetings } from './demo-meetings.ts';
import { loadDemoRegistry, type DemoRegistry } from './demo-registry.ts';
import { loadDemoTranslations } from './demo-translations.ts';
import { loadDemoMonitoring, type DemoMonitoring } from './demo-monitoring.ts';
import { demoImports, demoProcesses } from './demo.data.ts';

/** What the demo loaded. */
export interface DemoSummary extends DemoConsultation, DemoMonitoring, DemoRegistry {
  processes: number;
  documents: number;
  languageVersions: number;
}

/**
 * Loads the demo into a database that holds no process yet, in one transaction, then (once the
 * followers have indexed it) its stances and watch in a second; returns what it loaded, searchable
 * and matched, or undefined when the database was not empty (or another process loaded it first).
 */
export async function loadDemoIfEmpty(db: Kysely<Database>): Promise<DemoSummary | undefined> {
  if ((await getProcesses(db)).length > 0) return undefined;
  // Parse outside the transaction: it is pure CPU work and needs no lock.
  const parsed = await Promise.all(
    demoImports.map(async (item) => {
      const bytes = readFileSync(new URL(`./documents/${item.file}`, import.meta.url));
      const target = importTargetSchema.parse({ ...item.target, sourceName: item.file });
      return {
        target,
        parsed: await parseImportFile(bytes, {
          filename: item.file,
          ...(target.language ? { language: target.language } : {}),
        }),
      };
    }),
  );
  let loaded;
  try {
    loaded = await db.transaction().execute(async (trx) => {
      for (const process of demoProcesses) await createProcess(trx, process, 'demo');
      const documents = new Set<string>();
      for (const { target, parsed: file } of parsed) {
        const report = await storeImport(trx, target, file, 'demo');
        documents.add(report.ids.document);
      }
      const consultation = await loadDemoConsultation(trx);
      await loadDemoMeetings(trx);
      await loadDemoTranslations(trx);
      const registry = await loadDemoRegistry(trx);
      return {
        ...registry,
        processes: demoProcesses.length,
        documents: documents.size,
        languageVersions: parsed.length,
        ...consultation,
      };
    });
  } catch (error) {
    // Two servers starting on one new PostgreSQL database race here; the loser finds it filled.
    if ((await getProcesses(db)).length > 0) return undefined;
    throw error;
  }
  // Stances quote passages of the search index: the followers index the demo first.
  await drain(db);
  const monitoring = await db.transaction().execute((trx) => loadDemoMonitoring(trx));
  await drain(db);
  return { ...loaded, ...monitoring };
}
