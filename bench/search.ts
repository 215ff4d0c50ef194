/**
 * Search over a generated corpus in the six UN languages: index build time, then p50/p95 of
 * typical one- to three-word queries per language through the search service, best first (with
 * counts and facets) and newest first in the same run; the share of a substring scan that
 * Chinese one- and two-character queries find; and a new watch's past matches. 1,000,000
 * passages by default; PLENUM_BENCH_SEARCH_ITEMS sets another size. Run alone with
 * `node bench/search.ts [sqlite|postgres]`, or from bench/run.ts.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import {
  migrateToLatest,
  openDatabase,
  type Engine,
  type OpenDatabase,
} from '../src/db/database.ts';
import { findPastMatches } from '../src/watches/watches.service.ts';
import {
  dayNumber,
  postingWeights,
  rankCap,
  searchPassages,
} from '../src/search/search.service.ts';
import { analyse, foldForSearch, parseQuery } from '../src/search/search-terms.ts';
import { countTermPassages } from '../src/search/search.store.ts';
import { prng } from '../src/imports/parser/messy-document.builder.ts';
import type { SearchItemTable } from '../src/search/search.table.ts';
import { openBenchDatabase, type BenchDatabase } from './databases.ts';

type Language = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
const languages: Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** The words every language starts its vocabulary with: the most frequent, in this order. */
const common: Record<Language, string[]> = {
  en: 'the of and to in States should Internet public core security international law cooperation information communications technologies norms stakeholders governance development capacity building infrastructure critical domain name system confidence measures working group report recommendations multistakeholder sovereignty fragmentation resilience integrity availability routing numbering'.split(
    ' ',
  ),
  fr: 'le la les de des et à États devraient Internet noyau public sécurité droit international coopération information communications technologies normes parties prenantes gouvernance développement renforcement capacités infrastructures critiques système noms domaine mesures confiance groupe travail rapport recommandations souveraineté fragmentation réseaux'.split(
    ' ',
  ),
  es: 'el la los las de y en Estados deberían Internet núcleo público seguridad derecho internacional cooperación información comunicaciones tecnologías normas partes interesadas gobernanza desarrollo creación capacidad infraestructuras críticas sistema nombres dominio medidas confianza grupo trabajo informe recomendaciones soberanía fragmentación naciones'.split(
    ' ',
  ),
  ru: 'и в на по с государства должны интернет общедоступное ядро безопасность международное право сотрудничество информационные коммуникационные технологии нормы заинтересованные стороны управление развитие потенциала критическая инфраструктура система доменных имен меры доверия рабочая группа доклад рекомендации суверенитет фрагментация Российской Федерации'.split(
    ' ',
  ),
  ar: 'في من على أن الدول ينبغي الإنترنت النواة العامة الأمن القانون الدولي التعاون المعلومات الاتصالات التكنولوجيا المعايير أصحاب المصلحة الحوكمة التنمية بناء القدرات البنية التحتية الحيوية نظام أسماء النطاقات تدابير الثقة الفريق العامل التقرير التوصيات السيادة التجزئة وبالإنترنت للمنظمة'.split(
    ' ',
  ),
  zh: '的 各国 应 互联网 公共核心 安全 国际法 合作 信息 通信 技术 规范 利益攸关方 治理 发展 能力建设 关键 基础设施 域名 系统 建立 信任 措施 工作组 报告 建议 多利益攸关方 主权 碎片化 互联网治理'.split(
    ' ',
  ),
};

const syllables: Record<Exclude<Language, 'zh'>, string[]> = {
  en: 'ka to ri men sa lo ver dan pi cor nel tus ba ge mo ran ti ple ex sion'.split(' '),
  fr: 'ré ta lon mè que sau vi cé pro dé ment tion ai gne bou cha'.split(' '),
  es: 'ca ño ra bi ción pe lo mi sa ta dor gui ña to que'.split(' '),
  ru: 'ка ро ни ва те ль до ст ра но ми ся ще жи бы'.split(' '),
  ar: 'ك ت ب م ع ل ر س ن ق د ح ف ج'.split(' '),
};

/** A vocabulary of `size` words: the common ones first, then made-up words of the script. */
function vocabulary(language: Language, size: number, random: () => number): string[] {
  const words = [...common[language]];
  const seen = new Set(words);
  while (words.length < size) {
    let word = '';
    if (language === 'zh') {
      const length = 1 + Math.floor(random() * 3);
      for (let i = 0; i < length; i++)
        word += String.fromCodePoint(0x4e00 + Math.floor(random() * 3000));
    } else {
      const pool = syllables[language];
      const length = 2 + Math.floor(random() * 3);
      for (let i = 0; i < length; i++) word += pool[Math.floor(random() * pool.length)]!;
    }
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Draws ranks 0…n-1 with Zipf's law (s = 1), as words are used in text. */
function zipf(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / (r + 1);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface Corpus {
  vocab: Record<Language, string[]>;
  draw: () => number;
}

export function makeCorpus(seed: number): Corpus {
  const random = prng(seed);
  const vocab = Object.fromEntries(
    languages.map((l) => [l, vocabulary(l, 30_000, random)]),
  ) as Record<Language, string[]>;
  return { vocab, draw: zipf(30_000, random) };
}

/** One generated passage of a language. */
function passage(corpus: Corpus, language: Language, random: () => number): string {
  const words = corpus.vocab[language];
  const length = 20 + Math.floor(random() * 40);
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[corpus.draw()]!);
  if (language === 'zh') return `${out.join('')}。`;
  return `${out.join(' ')}.`;
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;

function percentile(samples: number[], q: number): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Builds the index of `size` passages, then times typical queries per language. */
export async function benchSearch(engine: Engine, size = benchSize()): Promise<void> {
  // PLENUM_BENCH_SEARCH_DB keeps the SQLite index in that file, PLENUM_BENCH_SEARCH_SCHEMA the
  // PostgreSQL one in that schema, and reuses it when it is filled: for timing queries again
  // without building it anew.
  const keep =
    engine === 'sqlite'
      ? process.env.PLENUM_BENCH_SEARCH_DB
      : process.env.PLENUM_BENCH_SEARCH_SCHEMA;
  const o: BenchDatabase =
    keep && engine === 'sqlite' ? await openKept(keep) : await openBenchDatabase(engine, keep);
  const reuse =
    keep !== undefined &&
    (await o.db.selectFrom('search_items').select('seq').limit(1).executeTakeFirst()) !== undefined;
  try {
    const corpus = makeCorpus(7);
    if (!reuse) await buildIndex(o, engine, corpus, size);
    await timeQueries(o, engine, corpus);
  } finally {
    await o.close();
  }
}

/** A kept SQLite bench database: closing it leaves the file in place. */
async function openKept(path: string): Promise<BenchDatabase> {
  const opened = await openDatabase(path);
  await migrateToLatest(opened.db);
  return { ...opened, url: path };
}

/** Fills the index with `size` generated passages in big transactions; prints the time it took. */
export async function buildIndex(
  o: BenchDatabase,
  engine: Engine,
  corpus: Corpus,
  size: number,
): Promise<void> {
  {
    const random = prng(11);
    const processId = '00000000-0000-7000-8000-000000000001';
    const firstDay = dayNumber('2003-01-01');
    const lastDay = dayNumber('2026-11-01');
    if (engine === 'sqlite') await sql`pragma cache_size = -1000000`.execute(o.db);
    const started = performance.now();
    const batch = 10_000;
    let postings = 0;
    for (let from = 1; from <= size; from += batch) {
      const items: (Omit<SearchItemTable, 'seq'> & { seq: number })[] = [];
      const rows: { term: string; day: number; item: number; lang: string; weight: number }[] = [];
      for (let seq = from; seq < Math.min(from + batch, size + 1); seq++) {
        const language = languages[seq % 6]!;
        const text = passage(corpus, language, random);
        // Passages arrive roughly in date order, as an archive grows.
        const day = Math.floor(firstDay + ((lastDay - firstDay) * seq) / size);
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const submission = seq % 10 === 0;
        items.push({
          seq,
          source_id: `bench-${seq}`,
          kind: submission ? 'submission' : 'paragraph',
          day,
          date,
          language,
          process_id: processId,
          document_id: null,
          version_id: null,
          symbol: submission ? null : `BENCH/${Math.floor(seq / 500)}`,
          title: 'Generated passage',
          address: submission ? null : `para ${seq % 500}`,
          href: `/bench/${seq}`,
          organisation_id: null,
          organisation_name: null,
          stakeholder_group: submission ? 'civil_society' : null,
          country: null,
          text,
          folded: foldForSearch(text),
        });
        for (const [term, weight] of postingWeights(analyse([{ text }], language)))
          rows.push({ term, day, item: seq, lang: language, weight });
      }
      // Sorted by key, each batch lands in the B-tree in order, as a bulk load should.
      rows.sort((a, b) =>
        a.term < b.term ? -1 : a.term > b.term ? 1 : a.day - b.day || a.item - b.item,
      );
      await o.db.transaction().execute(async (trx) => {
        for (let i = 0; i < items.length; i += 500)
          await trx
            .insertInto('search_items')
            .values(items.slice(i, i + 500))
            .execute();
        for (let i = 0; i < rows.length; i += 1500)
          await trx
            .insertInto('search_postings')
            .values(rows.slice(i, i + 1500))
            .execute();
        await countTermPassages(trx, rows, items.length);
      });
      postings += rows.length;
      if ((from - 1) % 100_000 === 0 && from > 1)
        process.stderr.write(`  ${engine}: ${from - 1} passages indexed\n`);
    }
    // PostgreSQL: VACUUM sets the visibility map, so the postings are read from the index
    // alone (autovacuum does the same in production after a bulk load).
    await sql.raw(engine === 'postgres' ? 'vacuum analyze' : 'analyze').execute(o.db);
    const buildSeconds = (performance.now() - started) / 1000;
    console.log(
      `search index build on ${engine}: ${size.toLocaleString('en')} passages (six languages), ${postings.toLocaleString('en')} postings in ${buildSeconds.toFixed(0)} s (${Math.round(size / buildSeconds).toLocaleString('en')} passages/s)`,
    );
  }
}

/** Times typical queries per language with the settings plenum serve has. */
async function timeQueries(o: BenchDatabase, engine: Engine, corpus: Corpus): Promise<void> {
  // SQLite: a fresh connection, with the default page cache.
  const reader = engine === 'sqlite' ? await openDatabase(o.url) : o;
  try {
    const passages = Number(
      (
        await reader.db
          .selectFrom('search_items')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(
      `search on ${engine} over ${passages.toLocaleString('en')} passages; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    const queryRandom = prng(23);
    for (const language of languages)
      await timeLanguage(reader, engine, corpus, language, queryRandom);
    await timeRareAndCommon(reader, engine, corpus);
    await chineseRecall(reader, engine, corpus);
    await timePastMatches(reader, engine, corpus);
  } finally {
    if (reader !== o) await reader.close();
  }
}

/**
 * Typical queries of a language: 1 to 3 words of the first 3,000, drawn by how often they are
 * used; each asked best first (with counts and facets) and newest first, in turn.
 */
async function timeLanguage(
  reader: BenchDatabase | OpenDatabase,
  engine: Engine,
  corpus: Corpus,
  language: Language,
  queryRandom: () => number,
): Promise<void> {
  const words = corpus.vocab[language];
  const draw = zipf(3000, queryRandom);
  const samples = { relevance: [] as number[], newest: [] as number[] };
  // The process's CPU time of each best-first query: on a shared machine the clock also counts
  // the time other processes held the cores, the CPU time mostly not.
  const cpu: number[] = [];
  const slowest: [number, string][] = [];
  let found = 0;
  let atLeast = 0;
  let truncated = 0;
  let rankedFewer = 0;
  for (let i = 0; i < 120; i++) {
    const count = 1 + Math.floor(queryRandom() * 3);
    const q = Array.from({ length: count }, () => words[draw()]!).join(' ');
    for (const sort of ['relevance', 'newest'] as const) {
      const t = performance.now();
      const used = process.cpuUsage();
      const result = await searchPassages(reader.db, null, { q, sort });
      const elapsed = performance.now() - t;
      const { user, system } = process.cpuUsage(used);
      if (i >= 20) samples[sort].push(elapsed);
      if (sort === 'newest') continue;
      if (i >= 20) cpu.push((user + system) / 1000);
      slowest.push([elapsed, q]);
      if (result.total > 0) found += 1;
      if (!result.totalExact) atLeast += 1;
      if (result.truncated) truncated += 1;
      else if (result.totalExact && result.facetsOf < result.passages) rankedFewer += 1;
    }
  }
  const line = (xs: number[]) =>
    `p50 ${ms(percentile(xs, 0.5))}, p95 ${ms(percentile(xs, 0.95))}, max ${ms(Math.max(...xs))}`;
  console.log(
    `search ${language} on ${engine} (100 typical 1-3 word queries after 20 warm-up, with counts and facets): best first ${line(samples.relevance)} (CPU time p50 ${ms(percentile(cpu, 0.5))}, p95 ${ms(percentile(cpu, 0.95))}); newest first ${line(samples.newest)}; ${found}/120 found something, ${atLeast} answered "more than", ${truncated} stopped by the scan budget, ${rankedFewer} counted exactly past the ${rankCap.toLocaleString('en')} newest ranked  [target p95 ≤ ${engine === 'sqlite' ? 20 : 30} ms]`,
  );
  if (process.env.PLENUM_BENCH_SEARCH_VERBOSE)
    for (const [elapsed, q] of slowest.toSorted((a, b) => b[0] - a[0]).slice(0, 4))
      console.log(`  ${ms(elapsed)}  ${q}`);
}

/**
 * A rare word with the commonest word of its language ("the zebra"): the order of the words
 * comes from their exact counts, so the rare word drives and every match is counted. Rare words
 * are drawn from the vocabulary's tail among those in 20 to 5,000 passages; each answer's count
 * is checked against a join of the two words' postings. Five warm-up queries, then p50 and p95.
 */
export async function timeRareAndCommon(
  reader: BenchDatabase | OpenDatabase,
  engine: Engine,
  corpus: Corpus,
  search: typeof searchPassages = searchPassages,
  label = '',
): Promise<void> {
  const random = prng(41);
  const samples: number[] = [];
  let wrong = 0;
  let cut = 0;
  let matches = 0;
  let asked = 0;
  for (const language of ['en', 'fr', 'es', 'ru', 'ar'] as const) {
    const words = corpus.vocab[language];
    const common = words[0]!;
    let tries = 0;
    for (let found = 0; found < 25 && tries < 400; tries++) {
      const rare = words[5000 + Math.floor(random() * 25_000)]!;
      const q = `${common} ${rare}`;
      // The terms each word may be indexed under, as search looks them up.
      const [commonTerms, rareTerms] = parseQuery(q).words as [string[], string[]];
      if (!rareTerms) continue;
      const { rows } = await sql<{ n: number | string | null; both: number | string }>`
        select (select sum(passages) from search_terms where term in (${sql.join(rareTerms)})) as n,
          (select count(distinct a.item) from search_postings a where a.term in (${sql.join(rareTerms)})
            and exists (select 1 from search_postings b where b.term in (${sql.join(commonTerms)})
            and b.day = a.day and b.item = a.item)) as both`.execute(reader.db);
      const n = Number(rows[0]?.n ?? 0);
      if (n < 20 || n > 5000) continue;
      found += 1;
      const expected = Number(rows[0]!.both);
      const t = performance.now();
      const result = await search(reader.db, null, { q });
      const elapsed = performance.now() - t;
      if (found > 5 || language !== 'en') samples.push(elapsed);
      asked += 1;
      matches += result.passages;
      if (!result.totalExact) cut += 1;
      else if (result.passages !== expected) wrong += 1;
    }
  }
  if (samples.length === 0) {
    console.log(`rare + common word on ${engine}: no word of 20 to 5,000 passages in this corpus`);
    return;
  }
  console.log(
    `rare + common word on ${engine}${label} (${samples.length} timed of ${asked} queries, "the <rare word>" in five languages, ${matches.toLocaleString('en')} matches): p50 ${ms(percentile(samples, 0.5))}, p95 ${ms(percentile(samples, 0.95))}, max ${ms(Math.max(...samples))}; ${wrong} counts differ from the postings join, ${cut} cut short  [target p95 ≤ 20 ms at 1M, every match]`,
  );
}

/**
 * Chinese one- and two-character queries: the passages search counts, as a share of those a
 * substring scan of the Chinese passages finds. Within one year, so that every count is exact
 * (under the cap on matches read) and the share is not one of a cut count.
 */
export async function chineseRecall(
  reader: BenchDatabase | OpenDatabase,
  engine: Engine,
  corpus: Corpus,
): Promise<void> {
  const random = prng(31);
  const draw = zipf(3000, random);
  const queries = new Set<string>();
  while (queries.size < 20) {
    const word = [...corpus.vocab.zh[draw()]!];
    const at = Math.floor(random() * word.length);
    queries.add(queries.size % 2 === 0 || word.length < 2 ? word[at]! : word.slice(0, 2).join(''));
  }
  const { rows: last } = await sql<{ day: number | string }>`
    select max(day) as day from search_items`.execute(reader.db);
  const to = new Date(Number(last[0]!.day) * 86_400_000).toISOString().slice(0, 10);
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  let scanned = 0;
  let searched = 0;
  let lowerBounds = 0;
  for (const q of queries) {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from search_items where language = 'zh' and text like ${`%${q}%`}
      and day >= ${dayNumber(from)} and day <= ${dayNumber(to)}`.execute(reader.db);
    const result = await searchPassages(reader.db, null, { q, from, to });
    scanned += Number(rows[0]!.n);
    searched += result.passages;
    if (!result.totalExact) lowerBounds += 1;
  }
  console.log(
    `search zh on ${engine}: 20 one- and two-character queries over the last year (${from} to ${to}) find ${scanned === 0 ? '-' : ((100 * searched) / scanned).toFixed(1)} % of the ${scanned.toLocaleString('en')} passages a substring scan finds${lowerBounds > 0 ? ` (${lowerBounds} counts are "more than": a lower bound)` : ''}  [target ≥ 95 %]`,
  );
}

/** A new watch's past matches (findPastMatches): words rare and common, phrases, two words. */
async function timePastMatches(
  reader: BenchDatabase | OpenDatabase,
  engine: Engine,
  corpus: Corpus,
): Promise<void> {
  const samples: number[] = [];
  let found = 0;
  for (const language of languages) {
    const words = corpus.vocab[language];
    const joiner = language === 'zh' ? '' : ' ';
    for (const query of [
      words[10]!,
      words[800]!,
      `${words[30]!} ${words[300]!}`,
      `"${words[12]!}${joiner}${words[20]!}"`,
    ]) {
      const t = performance.now();
      found += (
        await findPastMatches(reader.db, { query, conceptIds: [], processIds: [], groups: [] })
      ).length;
      samples.push(performance.now() - t);
    }
  }
  console.log(
    `watch past matches on ${engine} (24 new watches: one word common or rare, two words, a phrase; ${found.toLocaleString('en')} matches, 1,000 at most each): median ${ms(percentile(samples, 0.5))}, max ${ms(Math.max(...samples))}  [target ≤ 2 s]`,
  );
}

function benchSize(): number {
  const given = Number(process.env.PLENUM_BENCH_SEARCH_ITEMS);
  return Number.isInteger(given) && given > 0 ? given : 1_000_000;
}

if (import.meta.main) {
  const asked = process.argv[2];
  const engines: Engine[] =
    asked === 'sqlite' || asked === 'postgres'
      ? [asked]
      : process.env.PLENUM_TEST_POSTGRES_URL
        ? ['sqlite', 'postgres']
        : ['sqlite'];
  for (const engine of engines) await benchSearch(engine);
}
