/**
 * Benchmarks of the hardening (issue 12), run by npm run bench:
 * - the event loop's delay while five 4.7 MB DOCX files of 55,000 empty ZIP parts are posted at
 *   once with a submission form (multipart parsing and the attachment check), measured with
 *   perf_hooks.monitorEventLoopDelay; target: max <= 100 ms;
 * - parsing a text of 400,000 short lines (about 2.9 MB); target <= 10 s.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../src/app.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../src/consultations/consultation.builder.ts';
import type { Engine } from '../src/db/database.ts';
import { parseImportFile } from '../src/imports/imports.service.ts';
import { buildDocxOfEmptyParts } from '../src/text/zip-bomb.builder.ts';
import { TestClient } from '../src/test-client.ts';
import { openBenchDatabase } from './databases.ts';

/** Five bombs posted at once; the event loop's delay (ms) while they are answered. */
export async function benchAttachmentBombs(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    const built: BuiltConsultation = await buildConsultation(o.db, { moderation: 'immediate' });
    const app = createApp({ db: o.db, engine, now: () => new Date('2026-06-01T12:00:00Z') });
    const bomb = buildDocxOfEmptyParts(55_000);
    const clients = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const client = new TestClient(app);
        await client.signIn(built.accounts.civil.email, builtPassword);
        return client;
      }),
    );
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const answers = await Promise.all(
      clients.map((client, i) =>
        client.post(`/consultations/${built.period.id}/submissions`, {
          organisationId: built.organisations.civil.id,
          body: `A comment with a hostile attachment ${i}.`,
          attachments: new File([new Uint8Array(bomb)], `bomb-${i}.docx`),
        }),
      ),
    );
    const took = performance.now() - started;
    delay.disable();
    const statuses = answers.map((a) => a.status).join(', ');
    console.log(
      `five ${(bomb.length / 1048576).toFixed(1)} MB DOCX of 55,000 empty parts posted at once on ${engine}: answered in ${took.toFixed(0)} ms (${statuses}); event loop delay max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms  [target max <= 100 ms]`,
    );
  } finally {
    await o.close();
  }
}

/** Parsing 400,000 lines of text. */
export async function benchLongText(): Promise<void> {
  const lines: string[] = [];
  for (let i = 1; i <= 400_000; i++) {
    lines.push(i % 9 === 0 ? '' : i % 50 === 1 ? `## Part ${i}` : `line ${i % 1000}`);
  }
  const text = new TextEncoder().encode(lines.join('\n'));
  const started = performance.now();
  const parsed = await parseImportFile(text, { format: 'text', language: 'en' });
  const took = performance.now() - started;
  console.log(
    `parse 400,000 lines (${(text.byteLength / 1048576).toFixed(1)} MB, ${parsed.result.blocks.length} blocks): ${(took / 1000).toFixed(1)} s  [target <= 10 s]`,
  );
}
