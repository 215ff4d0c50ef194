/**
 * Watch matching: 100,000 saved watches of a realistic mix (one to five words, quoted phrases,
 * concept sets, words with concepts; a third limited to some processes, some to a stakeholder
 * group) in the six UN languages, and a stream of new passages; every passage is tagged with its
 * concepts and matched against all watches through the watch index of watches.service.ts
 * (indexWatches, watchesMatching: the standing-query index of their terms, and their concepts).
 * The corpus is modelled, not real: each language has 20,000 words drawn by a Zipf law (its
 * everyday words and the concepts' words commonest, then made-up words), and watches ask for
 * words of middling frequency, as people watch "root servers", not "the". Reports passages per
 * second and how many matches were found; the target is ≥ 5,000 passages per second. This
 * measures the matching itself, in memory: the index is built once from the watches, as a server
 * process holds it, and storing the matches is not included.
 */
import { ConceptTagger } from '../src/concepts/concept-tagger.ts';
import { conceptSeeds } from '../src/concepts/concepts.data.ts';
import { unLanguages, type UnLanguage } from '../src/text/detect-language.ts';
import { loadavg } from 'node:os';
import { analyse } from '../src/search/search-terms.ts';
import { indexWatches, matchPassages, watchesMatching } from '../src/watches/watches.service.ts';
import { openBenchDatabase } from './databases.ts';
import { indexWatchesBefore, watchesMatchingBefore } from './watches.baseline.ts';
import type { IndexedPassage, Watch } from '../src/watches/watches.schema.ts';
import { stakeholderGroups } from '../src/organisations/organisations.schema.ts';
import { prng } from '../src/imports/parser/messy-document.builder.ts';

/** Everyday words of each language, with which the concepts' own words are mixed. */
const filler: Record<UnLanguage, string> = {
  en: 'the States group report working session stakeholders norms security cooperation development capacity resilience access rights trade data privacy measures confidence international law meeting chair draft paragraph welcome recall stress encourage',
  fr: 'les États groupe rapport session parties prenantes normes sécurité coopération développement capacités résilience accès droits commerce données mesures confiance droit international réunion président projet paragraphe salue rappelle souligne encourage',
  es: 'los Estados grupo informe sesión partes interesadas normas seguridad cooperación desarrollo capacidad resiliencia acceso derechos comercio datos medidas confianza derecho internacional reunión presidente proyecto párrafo acoge recuerda destaca alienta',
  ru: 'государства группа доклад сессия заинтересованные стороны нормы безопасность сотрудничество развитие потенциал устойчивость доступ права торговля данные меры доверие международное право заседание председатель проект пункт приветствует напоминает подчеркивает',
  zh: '各国 工作组 报告 会议 利益攸关方 规范 安全 合作 发展 能力 韧性 访问 权利 贸易 数据 隐私 措施 信任 国际法 主席 草案 段落 欢迎 回顾 强调 鼓励',
  ar: 'الدول الفريق التقرير الدورة أصحاب المصلحة القواعد الأمن التعاون التنمية القدرات المرونة الوصول الحقوق التجارة البيانات التدابير الثقة القانون الدولي الاجتماع الرئيس المشروع الفقرة ترحب تذكر تؤكد تشجع',
};

/** Letters of each script, from which the rest of a language's vocabulary is made up. */
const letters: Record<UnLanguage, string> = {
  en: 'abcdefghilmnoprstuvy',
  fr: 'abcdeéfghilmnoprstuvè',
  es: 'abcdeéfghilmnñoprstuvá',
  ru: 'абвгдежзиклмнопрстуфхцчшыэюя',
  zh: '国际网络安全合作发展治理数据信息技术标准规则框架机制平台服务资源管理组织成员代表提案意见建议原则目标',
  ar: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
};

/**
 * A language's vocabulary, commonest first: its everyday words, the words of the concepts, then
 * made-up words to 20,000 in all, since a real corpus has tens of thousands of distinct words.
 */
function vocabulary(language: UnLanguage, random: () => number): string[] {
  const words = filler[language].split(' ');
  for (const c of conceptSeeds)
    for (const term of [c.names[language], ...(c.terms[language] ?? [])])
      words.push(...term.split(/[\s()（）]+/).filter((w) => w.length > 1));
  const alphabet = [...letters[language]];
  const seen = new Set(words);
  while (words.length < 20_000) {
    const length = language === 'zh' ? 2 + Math.floor(random() * 2) : 4 + Math.floor(random() * 7);
    const word = Array.from(
      { length },
      () => alphabet[Math.floor(random() * alphabet.length)]!,
    ).join('');
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** A Zipf-like pick (rank r with weight 1/r): common words often, rare ones seldom. */
function zipf(random: () => number, size: number): number {
  // Inverse of the continuous approximation: rank = size^u.
  return Math.min(size - 1, Math.floor(Math.pow(size, random())) - 1);
}

/** The processes of the modelled installation. */
const processIds = Array.from({ length: 20 }, (_, i) => `process-${i}`);

/**
 * Matches `itemCount` passages against `watchCount` watches. `dense` is the worst case: a
 * vocabulary of only the everyday and concept words (about 100 per language), drawn evenly, so
 * every passage wakes hundreds of watches.
 */
function model(watchCount: number, itemCount: number, dense: boolean) {
  const random = prng(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocab = Object.fromEntries(
    unLanguages.map((l) => [
      l,
      dense ? vocabulary(l, random).slice(0, 100) : vocabulary(l, random),
    ]),
  ) as Record<UnLanguage, string[]>;
  const joiner = (l: UnLanguage): string => (l === 'zh' ? '' : ' ');
  // What people watch: words of middling frequency (ranks 50 to 5,000), not "the".
  const someWords = (language: UnLanguage, n: number): string =>
    Array.from({ length: n }, () =>
      dense ? pick(vocab[language]) : vocab[language][50 + Math.floor(random() * 4950)]!,
    ).join(' ');
  const someConcepts = (): string[] =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(conceptSeeds).slug);

  const watches: Watch[] = [];
  for (let id = 0; id < watchCount; id++) {
    const language = pick(unLanguages);
    const kind = random();
    let query: string | null = null;
    let conceptIds: string[] = [];
    if (kind < 0.45) query = someWords(language, 1 + Math.floor(random() * 2));
    else if (kind < 0.65) query = someWords(language, 3 + Math.floor(random() * 3));
    else if (kind < 0.8) {
      const concept = pick(conceptSeeds);
      query = `"${pick([concept.names[language], ...(concept.terms[language] ?? [])])}"`;
    } else if (kind < 0.95) conceptIds = someConcepts();
    else {
      query = someWords(language, 1);
      conceptIds = someConcepts();
    }
    watches.push({
      id: `watch-${id}`,
      accountId: `account-${id % 5000}`,
      name: `Watch ${id}`,
      query,
      conceptIds,
      processIds: random() < 0.3 ? [pick(processIds), pick(processIds)] : [],
      groups: random() < 0.15 ? [pick(stakeholderGroups)] : [],
      webhookUrl: null,
      webhookSecret: null,
      emailDigest: false,
      createdAt: '2026-01-01T00:00:00Z',
    });
  }
  const concepts = new ConceptTagger(conceptSeeds);

  // Passages of 60 words drawn by frequency (Chinese run together), seeded and repeatable.
  const passages: IndexedPassage[] = Array.from({ length: itemCount }, (_, i) => {
    const language = pick(unLanguages);
    const words = vocab[language];
    const submission = i % 10 === 0;
    return {
      sourceId: `passage-${i}`,
      kind: submission ? 'submission' : 'paragraph',
      processId: pick(processIds),
      stakeholderGroup: submission ? pick(stakeholderGroups) : null,
      at: '2026-06-01',
      language,
      text: Array.from({ length: 60 }, () =>
        dense ? pick(words) : words[zipf(random, words.length)]!,
      ).join(joiner(language)),
      public: true,
    };
  });
  // What the search index would say of each term: the passages holding it (the same corpus).
  const frequency = new Map<string, number>();
  for (const p of passages)
    for (const term of analyse([{ text: p.text }], p.language).counts.keys())
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const tags = passages.map((p) => concepts.tag(p.text, p.language));
  return { watches, passages, frequency, tags, concepts };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export function benchWatchMatching(
  watchCount = 100_000,
  itemCount = 20_000,
  dense = false,
  skipBefore = false,
): void {
  const { watches, passages, frequency, tags, concepts } = model(watchCount, itemCount, dense);
  const tagged = tags.reduce((n, t) => n + t.length, 0);

  const variants: [string, () => (p: IndexedPassage, tags: string[]) => number][] = [
    [
      'before (commit 8644ff2)',
      () => {
        const index = indexWatchesBefore(watches);
        return (p, t) => watchesMatchingBefore(index, p, t).length;
      },
    ],
    [
      'rarest word by estimate',
      () => {
        const index = indexWatches(watches, 'bench');
        return (p, t) => watchesMatching(index, p, t).length;
      },
    ],
    [
      'rarest word by the index counts',
      () => {
        const index = indexWatches(watches, 'bench', (t) => frequency.get(t));
        return (p, t) => watchesMatching(index, p, t).length;
      },
    ],
  ];
  console.log(
    `watch matching${dense ? ' (worst case: a dense corpus of about 100 words per language)' : ''}: ${watchCount.toLocaleString('en')} watches (words 65 %, phrases 15 %, concept sets 15 %, words and concepts 5 %; 30 % limited to processes, 15 % to a group) and ${concepts.termCount} concept terms, ` +
      `${itemCount.toLocaleString('en')} new passages in six languages (${tagged.toLocaleString('en')} concept tags, tagged beforehand); load average ${load()}  [target ≥ 5,000/s]`,
  );
  {
    // What analysing a passage costs (part of every figure below: the memo of recent analyses
    // holds 4,096, so none of these passages is still in it when it is matched).
    const cpu = process.cpuUsage();
    for (const p of passages) analyse([{ text: p.text }], p.language);
    const used = process.cpuUsage(cpu);
    console.log(
      `  analysing a passage alone (stemming, terms): ${((used.user + used.system) / itemCount).toFixed(0)} µs of CPU time each`,
    );
  }
  for (const [name, build] of variants) {
    if (skipBefore && name.startsWith('before')) continue;
    const built = performance.now();
    const builtCpu = process.cpuUsage();
    const matchOne = build();
    const buildMs = performance.now() - built;
    const buildCpu = process.cpuUsage(builtCpu);
    // The old index is slow: it is timed on the first 2,000 passages only.
    const count = name.startsWith('before') ? Math.min(itemCount, 2000) : itemCount;
    let matches = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) matches += matchOne(passages[i]!, tags[i]!);
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `  ${name}: index built in ${buildMs.toFixed(0)} ms (${((buildCpu.user + buildCpu.system) / 1000).toFixed(0)} ms CPU); ` +
        `${count.toLocaleString('en')} passages: ${Math.round((count * 1000) / cpuMs).toLocaleString('en')} per second of CPU time (${((cpuMs * 1000) / count).toFixed(0)} µs each), ` +
        `${Math.round((count * 1000) / elapsed).toLocaleString('en')}/s by the clock; ${matches.toLocaleString('en')} watch matches (${(matches / count).toFixed(1)} a passage); load ${load()}`,
    );
  }
}

/**
 * The watch follower's part after reading: matchPassages over batches of 256 passages, its
 * watch index built from the database, each match written (in few statements) to `watch_hits`
 * of a SQLite file. Reading the passages and their tags is not included.
 */
export async function benchWatchFollower(watchCount = 100_000, itemCount = 1_000): Promise<void> {
  const { watches, passages, tags } = model(watchCount, itemCount, false);
  const bench = await openBenchDatabase('sqlite');
  try {
    const at = '2026-01-01T00:00:00Z';
    await bench.db
      .insertInto('accounts')
      .values({
        id: 'account',
        email: 'bench@example.org',
        name: 'Bench',
        password_hash: '-',
        is_admin: 0,
        created_at: at,
        password_changed_at: at,
        language: 'en',
        email_verified_at: null,
      })
      .execute();
    for (let i = 0; i < watches.length; i += 500)
      await bench.db
        .insertInto('watches')
        .values(
          watches.slice(i, i + 500).map((w) => ({
            id: w.id,
            account_id: 'account',
            name: w.name,
            query: w.query,
            concepts: JSON.stringify(w.conceptIds),
            processes: JSON.stringify(w.processIds),
            groups: JSON.stringify(w.groups),
            feed_key_hash: w.id,
            webhook_url: null,
            webhook_secret: null,
            email_digest: 0,
            digest_sent_at: at,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    const builtAt = performance.now();
    await matchPassages(bench.db, [], new Map());
    await matchPassages(
      bench.db,
      passages.slice(0, 1),
      new Map([[passages[0]!.sourceId, tags[0]!]]),
    );
    const buildMs = performance.now() - builtAt;
    let hits = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 1; i < passages.length; i += 256) {
      const batch = passages.slice(i, i + 256);
      const batchTags = new Map(batch.map((p, k) => [p.sourceId, tags[i + k]!]));
      hits += await bench.db.transaction().execute((tx) => matchPassages(tx, batch, batchTags));
    }
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const count = passages.length - 1;
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `watch follower on SQLite (matchPassages, batches of 256, matches written; index built from the database in ${buildMs.toFixed(0)} ms): ${count.toLocaleString('en')} passages, ${hits.toLocaleString('en')} matches written (${(hits / count).toFixed(0)} a passage): ` +
        `${Math.round((count * 1000) / elapsed).toLocaleString('en')} passages/s by the clock, ${Math.round((count * 1000) / cpuMs).toLocaleString('en')} per second of this process's CPU time (${Math.round((hits * 1000) / elapsed).toLocaleString('en')} matches written a second); load ${load()}`,
    );
  } finally {
    await bench.close();
  }
}

if (import.meta.main) {
  benchWatchMatching();
  benchWatchMatching(100_000, 5_000, true);
  await benchWatchFollower();
}
