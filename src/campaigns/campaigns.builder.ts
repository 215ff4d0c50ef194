/**
 * A corpus with planted campaigns, for the evaluation and the benchmark (test code only): in the
 * six UN languages, campaigns whose members are variants of one template (mail-merge names and
 * organisations inserted, sentences reordered, words changed, case, accents and punctuation
 * varied), translations of campaigns (the same structure, names and figures in another language:
 * separate campaigns in the truth), and many distinct comments sharing the stock sentences and the
 * frequent words of their language. Everything is drawn from a seeded generator: a seed gives the
 * same corpus on every run. Words are made-up words of each script, drawn with a skewed frequency.
 */
import { unLanguages, type UnLanguage } from '../text/detect-language.ts';

/** What to plant. */
export interface PlantedCorpusOptions {
  /** Submissions in all. */
  size: number;
  seed?: number;
  /** Share of the submissions that belong to a campaign (of two members or more). */
  campaignShare?: number;
  /** Largest campaign. */
  maxCampaignSize?: number;
  /** Share of campaigns that get a translation into another language (its own campaign). */
  translatedShare?: number;
}

/** One planted submission: its text, its language and its campaign in the truth. */
export interface PlantedSubmission {
  text: string;
  language: UnLanguage;
  /** The planted campaign (a distinct comment has a label of its own). */
  truth: number;
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;
const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

/** Letters each language's made-up words are spelt with. */
const alphabets: Record<UnLanguage, string> = {
  en: 'abcdefghijklmnopqrstuvwxyz',
  fr: 'abcdefghijlmnopqrstuvéèàçêô',
  es: 'abcdefghijlmnopqrstuvyzñáéíóú',
  ru: 'абвгдежзиклмнопрстуфхцчшыэюя',
  ar: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  // Chinese: characters drawn from the CJK block below.
  zh: '',
};

/** A language's made-up vocabulary, most frequent first. */
function vocabulary(language: UnLanguage, random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    if (language === 'zh') {
      let word = '';
      for (let i = between(random, 1, 2); i > 0; i--)
        word += String.fromCodePoint(0x4e00 + Math.floor(random() * 3500));
      words.add(word);
    } else {
      const letters = alphabets[language];
      let word = '';
      for (let i = between(random, 2, 9); i > 0; i--) word += pick(random, [...letters]);
      words.add(word);
    }
  }
  return [...words];
}

/** One language's material: its words, its stock sentences, its names and organisations. */
interface Lexicon {
  language: UnLanguage;
  words: string[];
  stock: string[][];
  names: string[][];
  organisations: string[][];
}

function lexicon(language: UnLanguage, random: Random): Lexicon {
  const words = vocabulary(language, random, 6000);
  const phrase = (low: number, high: number) =>
    Array.from({ length: between(random, low, high) }, () => frequentWord(random, words));
  return {
    language,
    words,
    stock: Array.from({ length: 12 }, () => phrase(6, 12)),
    names: Array.from({ length: 400 }, () => phrase(2, 3)),
    organisations: Array.from({ length: 300 }, () => phrase(2, 5)),
  };
}

/** A word drawn with a skewed frequency: the first words of the vocabulary are the common ones. */
function frequentWord(random: Random, words: string[]): string {
  const r = random();
  return words[Math.floor(words.length * r * r * r)]!;
}

/** Shared by a campaign and its translations: figures and acronyms a translator keeps. */
function entities(random: Random): string[] {
  return Array.from({ length: 3 }, () =>
    random() < 0.5 ? String(between(random, 1, 2030)) : `wsis${between(random, 1, 99)}`,
  );
}

/** A comment's sentences: one may be a stock sentence of its language, the others new. */
function sentences(random: Random, lex: Lexicon, shared: string[] = []): string[][] {
  const out: string[][] = [];
  const count = between(random, 3, 7);
  for (let s = 0; s < count; s++) {
    if (s === 0 && random() < 0.5) {
      out.push([...pick(random, lex.stock)]);
      continue;
    }
    const sentence = Array.from({ length: between(random, 7, 16) }, () =>
      frequentWord(random, lex.words),
    );
    if (shared[s] !== undefined)
      sentence.splice(between(random, 0, sentence.length), 0, shared[s]!);
    out.push(sentence);
  }
  return out;
}

/** A member of a campaign: the template changed the ways people change a text they were sent. */
function variant(random: Random, lex: Lexicon, template: string[][]): string[][] {
  let text = template.map((s) => [...s]);
  if (random() < 0.4) text = shuffled(random, text);
  if (random() < 0.5) {
    for (let edits = between(random, 1, 3); edits > 0; edits--) {
      const sentence = pick(random, text);
      const at = Math.floor(random() * sentence.length);
      const op = random();
      if (op < 0.4) sentence[at] = frequentWord(random, lex.words);
      else if (op < 0.7 && sentence.length > 3) sentence.splice(at, 1);
      else sentence.splice(at, 0, frequentWord(random, lex.words));
    }
  }
  if (random() < 0.6) {
    // Mail merge: the sender's name and organisation at the top and under the text.
    const name = pick(random, lex.names);
    const organisation = pick(random, lex.organisations);
    text.unshift([...name, ...organisation]);
    text.push([...name, ...organisation]);
  }
  return text;
}

function shuffled<T>(random: Random, list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Written out: spaces or none (Chinese), a full stop per sentence, some case and accents varied. */
function written(random: Random, language: UnLanguage, text: string[][]): string {
  const formatted = random() < 0.3;
  const word = (w: string): string => {
    if (!formatted || random() > 0.2) return w;
    if (language === 'ar') return `${w}\u064e`; // a fatha, which normalisation drops
    if (language === 'zh') return w;
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  if (language === 'zh') return text.map((s) => s.map(word).join('') + '。').join('');
  const stop = language === 'ar' ? ' .' : '.';
  return text
    .map((s) => {
      const body = s.map(word).join(' ');
      return (
        body.charAt(0).toUpperCase() + body.slice(1) + (formatted && random() < 0.3 ? '!' : stop)
      );
    })
    .join(formatted ? '  ' : ' ');
}

/** Planted campaign sizes: a heavy tail (a few very large campaigns, many small ones). */
function campaignSizes(random: Random, total: number, max: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left >= 2) {
    const size = Math.min(
      left,
      max,
      Math.max(2, Math.floor(2 / (random() * 0.999 + 0.001) ** 1.1)),
    );
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * The planted corpus, in the order submissions arrive (campaign members spread over the whole
 * period), generated lazily: each call of `next` makes one submission.
 */
export function* plantedCorpus(options: PlantedCorpusOptions): Generator<PlantedSubmission> {
  const {
    size,
    seed = 14,
    campaignShare = 0.5,
    maxCampaignSize = Math.max(2, Math.floor(size / 50)),
    translatedShare = 0.2,
  } = options;
  const random = seededRandom(seed);
  const lexicons = Object.fromEntries(
    unLanguages.map((language) => [language, lexicon(language, random)]),
  ) as Record<UnLanguage, Lexicon>;
  type Campaign = { language: UnLanguage; template: string[][] };
  const campaigns: Campaign[] = [];
  const labels: number[] = [];
  for (const count of campaignSizes(random, Math.floor(size * campaignShare), maxCampaignSize)) {
    const language = pick(random, unLanguages);
    const shared = entities(random);
    const label = campaigns.length;
    campaigns.push({ language, template: sentences(random, lexicons[language], shared) });
    let own = count;
    if (random() < translatedShare && count >= 4) {
      // A translation: the same figures and acronyms in another language, its own campaign.
      const other = pick(
        random,
        unLanguages.filter((l) => l !== language),
      );
      const translated = campaigns.length;
      campaigns.push({ language: other, template: sentences(random, lexicons[other], shared) });
      const share = Math.floor(count / 4);
      for (let i = 0; i < share; i++) labels.push(translated);
      own -= share;
    }
    for (let i = 0; i < own; i++) labels.push(label);
  }
  while (labels.length < size) labels.push(-1);
  const order = shuffled(random, labels);
  let nextDistinct = campaigns.length;
  for (const label of order) {
    if (label === -1) {
      const language = pick(random, unLanguages);
      yield {
        language,
        truth: nextDistinct++,
        text: written(random, language, sentences(random, lexicons[language])),
      };
      continue;
    }
    const { language, template } = campaigns[label]!;
    const lex = lexicons[language];
    yield {
      language,
      truth: label,
      text: written(random, language, variant(random, lex, template)),
    };
  }
}

/** Pairwise precision, recall and F1 of a grouping against the planted truth. */
export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pairs put together by both, by the grouping only, by the truth only. */
  truePairs: number;
  falsePairs: number;
  missedPairs: number;
}

/**
 * Scores a grouping: a pair of submissions counts when both are in one campaign; precision is
 * the share of the grouping's pairs that the truth has, recall the share of the truth's pairs
 * that the grouping has. Counted from the contingency table, without listing the pairs.
 */
export function pairwiseScores(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
): PairwiseScores {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const tally = (keys: Iterable<number>) => {
    const counts = new Map<number, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    let sum = 0;
    for (const n of counts.values()) sum += pairs(n);
    return sum;
  };
  const n = truth.length;
  const both = function* () {
    for (let i = 0; i < n; i++) yield truth[i]! * 2 ** 24 + predicted[i]!;
  };
  const truthPairs = tally(Array.from(truth));
  const predictedPairs = tally(Array.from(predicted));
  const common = tally(both());
  const precision = predictedPairs === 0 ? 1 : common / predictedPairs;
  const recall = truthPairs === 0 ? 1 : common / truthPairs;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    truePairs: common,
    falsePairs: predictedPairs - common,
    missedPairs: truthPairs - common,
  };
}
