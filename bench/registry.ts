/**
 * The registry at the size issue 16 names: 193 States, 50,000 measures, 500,000 versions (ten per
 * measure on average, recorded from 2016 to 2026). Loaded in bulk (measures and versions as rows,
 * then the kept cells and counts rebuilt from them by the store's own rebuildCurrent), then timed
 * in a process of its own that opens the same store (as a server would), through app.request, the
 * whole request's work without a socket:
 * the comparison matrix now (target p95 ≤ 50 ms SQLite, ≤ 80 ms PostgreSQL) and at a past date,
 * the world map (≤ 100 ms), a State's practice at a past date (≤ 30 ms), and the CSV of a round
 * of 193 answers (≤ 1 s). PLENUM_BENCH_REGISTRY_MEASURES scales it down (versions follow).
 */
import { spawn } from 'node:child_process';
import { createApp } from '../src/app.ts';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import { openDatabase, type Db, type Engine } from '../src/db/database.ts';
import { countries } from '../src/organisations/countries.ts';
import { shippedTerms } from '../src/registry/registry.data.ts';
import { getMatrix } from '../src/registry/registry.service.ts';
import { rebuildCurrent } from '../src/registry/registry.store.ts';
import type {
  RegistryMeasureTable,
  RegistryMeasureVersionTable,
} from '../src/registry/registry.table.ts';
import { openBenchDatabase } from './databases.ts';

const statuses = ['planned', 'draft', 'adopted', 'in_force', 'amended', 'repealed'] as const;

/** A small deterministic generator, so that both engines hold the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Writes the measures and their versions in batches, then rebuilds the kept cells and counts. */
export async function loadRegistry(
  db: Db,
  measures: number,
  versionsPerMeasure: number,
): Promise<number> {
  const states = countries.filter((c) => !c.observer).map((c) => c.iso3);
  const elements = shippedTerms.filter((t) => t.type === 'element').map((t) => t.slug);
  const kinds = shippedTerms.filter((t) => t.type === 'kind').map((t) => t.slug);
  const next = random(16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const start = Date.parse('2016-01-01T00:00:00Z');
  const span = Date.parse('2026-06-01T00:00:00Z') - start;
  let written = 0;
  let measureRows: RegistryMeasureTable[] = [];
  let versionRows: RegistryMeasureVersionTable[] = [];
  const flush = async () => {
    await db.transaction().execute(async (trx) => {
      if (measureRows.length)
        await trx.insertInto('registry_measures').values(measureRows).execute();
      for (let i = 0; i < versionRows.length; i += 400)
        await trx
          .insertInto('registry_measure_versions')
          .values(versionRows.slice(i, i + 400))
          .execute();
    });
    measureRows = [];
    versionRows = [];
  };
  for (let m = 0; m < measures; m++) {
    const id = `00000000-0000-4000-8000-${pad(m, 12)}`;
    const country = states[m % states.length]!;
    // Between 1 and 2 × the mean, so that the total is about measures × versionsPerMeasure.
    const count = 1 + Math.floor(next() * (2 * versionsPerMeasure - 1));
    let at = start + Math.floor(next() * span * 0.5);
    const step = Math.floor((start + span - at) / (count + 1));
    const voice = next() < 0.7 ? 'state' : 'reported';
    for (let v = 1; v <= count; v++) {
      at += 1 + Math.floor(next() * step);
      const status = pick(statuses);
      const day = new Date(at).toISOString().slice(0, 10);
      const els = [pick(elements), ...(next() < 0.4 ? [pick(elements)] : [])];
      const ks = [pick(kinds), ...(next() < 0.4 ? [pick(kinds)] : [])];
      versionRows.push({
        measure_id: id,
        version: v,
        country,
        recorded_at: new Date(at).toISOString(),
        recorded_by: operatorViewer.id,
        title: `Measure ${m} of ${country}, version ${v}`,
        title_language: 'en',
        title_translations: '{}',
        instrument: 'regulation',
        status,
        status_dates: JSON.stringify(
          status === 'in_force' || status === 'amended' || status === 'repealed'
            ? { in_force: day, [status]: day }
            : { [status]: day },
        ),
        elements: JSON.stringify([...new Set(els)]),
        kinds: JSON.stringify([...new Set(ks)]),
        reach: 'none',
        source_document_id: null,
        source_blocks: '[]',
        voice,
        organisation_id: null,
        note: null,
      });
      written++;
    }
    measureRows.push({
      id,
      country,
      latest_version: count,
      created_by: operatorViewer.id,
      created_at: versionRows.find((r) => r.measure_id === id)!.recorded_at,
      answer_id: null,
    });
    if (versionRows.length >= 10_000) await flush();
  }
  await flush();
  await db.transaction().execute((trx) => rebuildCurrent(trx));
  return written;
}

/** 193 answers, one per State, to one round (each with a few answers and two measures). */
export async function loadRound(db: Db): Promise<string> {
  const states = countries.filter((c) => !c.observer).map((c) => c.iso3);
  const id = '00000000-0000-4000-9000-000000000001';
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5'].map((key) => ({
    key,
    kind: 'text',
    texts: { en: `Question ${key}?` },
    choices: [],
  }));
  await db
    .insertInto('registry_rounds')
    .values({
      id,
      process_id: 'bench',
      title: 'Bench round',
      questions: JSON.stringify(questions),
      invited: JSON.stringify(states),
      opens_at: '2026-01-01T00:00:00.000Z',
      closes_at: '2026-02-01T00:00:00.000Z',
      time_zone: 'Europe/Zurich',
      // Published: its answers' CSV is public, as the bench reads it without a session.
      published_at: '2026-02-02T00:00:00.000Z',
      created_by: operatorViewer.id,
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('registry_answers')
    .values(
      states.map((country, i) => ({
        id: `00000000-0000-4000-9000-${pad(i + 2, 12)}`,
        round_id: id,
        country,
        organisation_id: `org-${country}`,
        account_id: operatorViewer.id,
        language: 'en',
        language_marked: 0,
        answers: JSON.stringify(
          Object.fromEntries(
            questions.map((q) => [q.key, `Answer of ${country} to ${q.key}. `.repeat(20)]),
          ),
        ),
        measures: JSON.stringify([
          { title: `Law of ${country}`, elements: ['routing'], kinds: ['licensing'] },
          {
            title: `Decree of ${country}`,
            elements: ['naming-numbering'],
            kinds: ['national-root'],
          },
        ]),
        status: 'submitted',
        submitted_at: '2026-01-15T00:00:00.000Z',
        receipt: 'a'.repeat(64),
        updated_at: '2026-01-15T00:00:00.000Z',
      })),
    )
    .execute();
  return id;
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = samples.toSorted((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Loads the registry on the engine, then times its pages in a new process that opens the same
 * store, as a server would: the loading's half a million rows of garbage stay in this process's
 * heap, out of the timed requests.
 */
export async function benchRegistry(engine: Engine): Promise<void> {
  const measures = Number(process.env.PLENUM_BENCH_REGISTRY_MEASURES ?? 50_000);
  const o = await openBenchDatabase(engine);
  try {
    const t0 = performance.now();
    const versions = await loadRegistry(o.db, measures, 10);
    const roundId = await loadRound(o.db);
    const loaded = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `registry on ${engine}: ${measures.toLocaleString('en')} measures, ${versions.toLocaleString('en')} versions, 193 States, loaded in ${loaded} s`,
    );
    await new Promise<void>((done, fail) => {
      const child = spawn(
        process.execPath,
        [import.meta.filename, '--time', engine, o.url, roundId],
        { stdio: 'inherit' },
      );
      child.on('error', fail);
      child.on('exit', (code) =>
        code === 0 ? done() : fail(new Error(`the timing process ended with ${code}`)),
      );
    });
  } finally {
    await o.close();
  }
}

/** Times the registry's pages on a store already loaded (the child process of benchRegistry). */
async function timeRegistryPages(engine: Engine, url: string, roundId: string): Promise<void> {
  const o = await openDatabase(url);
  try {
    const app = createApp({ db: o.db, engine });
    const time = async (label: string, path: string, runs: number, target: string) => {
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const res = await app.request(path);
        if (res.status !== 200) {
          console.log(
            `registry ${label} on ${engine}: ${path} answered ${res.status}, not measured`,
          );
          return;
        }
        bytes = Buffer.byteLength(await res.text());
      }
      const samples: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        await (await app.request(path)).text();
        const used = process.cpuUsage(c);
        samples.push(performance.now() - t);
        cpu.push((used.user + used.system) / 1000);
      }
      const s = stats(samples);
      const sc = stats(cpu);
      console.log(
        `registry ${label} on ${engine} (${runs} requests): median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (this process's CPU time: median ${sc.median.toFixed(1)} ms, p95 ${sc.p95.toFixed(1)} ms; PostgreSQL's own is not in it), ${(bytes / 1024).toFixed(0)} KB  [target ${target}]`,
      );
    };
    {
      const samples: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        await getMatrix(o.db, {});
        samples.push(performance.now() - t);
      }
      const s = stats(samples);
      console.log(
        `registry matrix data alone (getMatrix, no HTML) on ${engine}: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
      );
    }
    await time(
      'matrix page /registry/compare',
      '/registry/compare',
      40,
      'p95 ≤ 50 ms SQLite, ≤ 80 ms PostgreSQL',
    );
    await time(
      'matrix page, one region, one kind',
      '/registry/compare?region=african&kind=data-localisation',
      40,
      'as above',
    );
    await time(
      'matrix page at a past date',
      '/registry/compare?at=2020-06-30',
      20,
      'none set; reads the spans through their index',
    );
    await time('map page by element', '/registry/map?element=routing', 40, '≤ 100 ms');
    await time(
      'map page by indicator',
      '/registry/map?element=naming-numbering&show=indicator',
      20,
      '≤ 100 ms',
    );
    await time(
      "a State's practice at a past date",
      '/registry/countries/FRA?at=2020-06-30',
      40,
      '≤ 30 ms',
    );
    await time(
      'round of 193 answers as CSV',
      `/registry/rounds/${roundId}/answers.csv`,
      10,
      '≤ 1,000 ms',
    );
  } finally {
    await o.close();
  }
}

if (import.meta.main && process.argv[2] === '--time') {
  const [engine, url, roundId] = process.argv.slice(3) as [Engine, string, string];
  await timeRegistryPages(engine, url, roundId);
} else if (import.meta.main) {
  for (const engine of (process.env.PLENUM_TEST_POSTGRES_URL
    ? ['sqlite', 'postgres']
    : ['sqlite']) as Engine[])
    await benchRegistry(engine);
}
