import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bandKeys,
  estimatedJaccard,
  minhashSignature,
  normalisedTokens,
  sameCampaignThreshold,
  shingleHashes,
  signatureBytes,
  signatureFromBytes,
} from './minhash.ts';
import { CampaignGrouper } from './campaign-grouping.ts';
import { pairwiseScores, plantedCorpus } from './campaigns.builder.ts';

const letter =
  'We ask the working group to keep the multistakeholder model in paragraph 12 and to publish every contribution received during the consultation. The secretariat should report on the comments before the next session.';

test('folds case, accents, compatibility forms and punctuation in every script', () => {
  assert.deepEqual(normalisedTokens('Élan, ÉLAN! élan…'), ['elan', 'elan', 'elan']);
  assert.deepEqual(normalisedTokens('ＡＢＣ １２'), ['abc', '12']);
  // Arabic short vowels are dropped; Cyrillic is lower-cased.
  assert.deepEqual(normalisedTokens('مَكْتَب مكتب'), ['مكتب', 'مكتب']);
  assert.deepEqual(normalisedTokens('ИНТЕРНЕТ, Интернет'), ['интернет', 'интернет']);
});

test('takes Chinese a character at a time, keeping Latin words in it whole', () => {
  assert.deepEqual(normalisedTokens('互联网治理，ICANN论坛。'), [
    '互',
    '联',
    '网',
    '治',
    '理',
    'icann',
    '论',
    '坛',
  ]);
  assert.ok(shingleHashes('互联网治理论坛').length === 5);
});

test('gives the same signature to the same text on every call, and none to a text without words', () => {
  assert.deepEqual(minhashSignature(letter), minhashSignature(letter));
  assert.equal(minhashSignature(' … ! '), undefined);
  const signature = minhashSignature(letter)!;
  assert.deepEqual(signatureFromBytes(signatureBytes(signature)), signature);
  assert.equal(signatureFromBytes(new Uint8Array(3)), undefined);
});

test('finds a mail-merge variant, a reordering and small edits near, a different comment far', () => {
  const sig = (text: string) => minhashSignature(text)!;
  const original = sig(letter);
  const merged = sig(`On behalf of Acme Networks, Jane Doe. ${letter} Jane Doe, Acme Networks.`);
  const [first, second] = letter.split('. ');
  const reordered = sig(`${second} ${first}.`);
  const edited = sig(
    letter.replace('every contribution', 'each contribution').replace('next', 'coming'),
  );
  const other = sig(
    'The draft omits the role of national regulators in spectrum policy; we propose a new paragraph on capacity building in small island developing States.',
  );
  for (const near of [merged, reordered, edited])
    assert.ok(estimatedJaccard(original, near) >= sameCampaignThreshold);
  assert.ok(estimatedJaccard(original, other) < 0.1);
});

test('puts no text of one language in a bucket of another', () => {
  const signature = minhashSignature(letter)!;
  const english = bandKeys(signature, 'en');
  const french = bandKeys(signature, 'fr');
  assert.ok(english.every((key, band) => key !== french[band]));
});

test('groups variants together and keeps a translation and distinct comments apart', () => {
  const grouping = new CampaignGrouper({ capacity: 10 });
  const a = grouping.add(letter, 'en');
  const b = grouping.add(`Dear chair, ${letter} Signed: Omar Haddad, Arab Digital Forum.`, 'en');
  const translation = grouping.add(
    'Nous demandons au groupe de travail de conserver le modèle multipartite au paragraphe 12 et de publier chaque contribution reçue pendant la consultation.',
    'fr',
  );
  const other = grouping.add('We oppose paragraph 12 as drafted and ask for its deletion.', 'en');
  assert.equal(grouping.campaignOf(b), a);
  assert.equal(grouping.campaignOf(translation), translation);
  assert.equal(grouping.campaignOf(other), other);
});

test('a campaign named by its earliest member absorbs the campaigns a later text bridges', () => {
  const grouping = new CampaignGrouper({ capacity: 10, threshold: 0.4 });
  const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const left = grouping.add(words.slice(0, 26).join(' '), 'en');
  const right = grouping.add(words.slice(14, 40).join(' '), 'en');
  assert.notEqual(grouping.campaignOf(right), left);
  // Shares about half its shingles with each: a near-duplicate of both.
  const bridge = grouping.add(words.slice(7, 33).join(' '), 'en');
  assert.equal(grouping.campaignOf(bridge), left);
  assert.equal(grouping.campaignOf(right), left);
});

test('groups a planted corpus of 3,000 submissions in six languages with pairwise F1 ≥ 0.97', () => {
  const corpus = [...plantedCorpus({ size: 3000, seed: 7 })];
  assert.deepEqual(new Set(corpus.map((s) => s.language)).size, 6);
  const grouping = new CampaignGrouper({ capacity: corpus.length });
  const predicted = corpus
    .map((s) => grouping.add(s.text, s.language))
    .map((i) => grouping.campaignOf(i));
  const scores = pairwiseScores(
    corpus.map((s) => s.truth),
    predicted,
  );
  assert.ok(scores.truePairs > 1000, `the corpus plants campaigns (${scores.truePairs} pairs)`);
  assert.ok(scores.f1 >= 0.97, JSON.stringify(scores));
  // Grouping everything alone, or everything together, is far from the truth.
  assert.ok(
    pairwiseScores(
      corpus.map((s) => s.truth),
      corpus.map((_, i) => i),
    ).f1 < 0.1,
  );
  assert.ok(
    pairwiseScores(
      corpus.map((s) => s.truth),
      corpus.map(() => 0),
    ).f1 < 0.5,
  );
});
