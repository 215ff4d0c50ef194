import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteSelector, reanchorQuote, type QuoteSelector } from './reanchor.ts';
import { prng } from '../imports/parser/messy-document.builder.ts';

const P38 =
  'The Group recommends that States must ensure the stability of the public core of the Internet, ' +
  'and that they refrain from actions that would undermine the availability of the Internet.';

/** A selector for the first occurrence of `quote` in `text`. */
function select(text: string, quote: string, occurrence = 0): ReturnType<typeof quoteSelector> {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" not in the text`);
  return quoteSelector(text, at, at + quote.length);
}

test('quoteSelector keeps 32 characters either side and the positions', () => {
  const s = select(P38, 'the public core');
  assert.equal(s.exact, 'the public core');
  assert.equal(s.prefix, 'States must ensure the stability of '.slice(-32));
  assert.equal(s.suffix, ' of the Internet, and that they ');
  assert.equal(s.prefix.length, 32);
  assert.equal(P38.slice(s.start, s.end), 'the public core');
  assert.deepEqual(quoteSelector('abc', 0, 2), {
    exact: 'ab',
    prefix: '',
    suffix: 'c',
    start: 0,
    end: 2,
  });
  assert.deepEqual(quoteSelector('abc', 5, -1), {
    exact: '',
    prefix: 'abc',
    suffix: '',
    start: 3,
    end: 3,
  });
});

test('an exact hit in the same paragraph, unchanged', () => {
  const s = select(P38, 'public core');
  assert.deepEqual(reanchorQuote(s, [{ blockId: 'p38', text: P38 }]), {
    blockId: 'p38',
    start: s.start,
    end: s.end,
    exact: 'public core',
    method: 'exact',
    score: 1,
  });
});

test('an exact hit after text was inserted before it', () => {
  const s = select(P38, 'refrain from actions');
  const revised = 'Recalling resolution 70/125, ' + P38;
  const r = reanchorQuote(s, [{ blockId: 'p39', text: revised }])!;
  assert.equal(r.start, s.start + 'Recalling resolution 70/125, '.length);
  assert.equal(revised.slice(r.start, r.end), 'refrain from actions');
  assert.equal(r.method, 'exact');
});

test('a repeated phrase is told apart by its prefix and suffix', () => {
  // "the Internet" occurs twice; the reader quoted the second one
  const s = select(P38, 'the Internet', 1);
  const revised = 'Recalling its resolutions, ' + P38.replace('must ensure', 'should ensure');
  const r = reanchorQuote(s, [{ blockId: 'p39', text: revised }])!;
  assert.equal(r.start, revised.lastIndexOf('the Internet'));
  assert.equal(r.method, 'exact');
  assert.equal(r.score, 1);
  // and the first one is found as the first one
  const first = select(P38, 'the Internet', 0);
  assert.equal(
    reanchorQuote(first, [{ blockId: 'p39', text: revised }])!.start,
    revised.indexOf('the Internet'),
  );
});

test('old position breaks a tie when the context cannot', () => {
  const text = 'x a x a x';
  const second: QuoteSelector = { exact: 'a', prefix: '', suffix: '', start: 6, end: 7 };
  assert.equal(reanchorQuote(second, [{ blockId: 'p', text }])!.start, 6);
  assert.equal(reanchorQuote({ ...second, start: 2 }, [{ blockId: 'p', text }])!.start, 2);
});

test('a quote that moved to another candidate block is found there', () => {
  const s = select(P38, 'refrain from actions that would undermine');
  const candidates = [
    {
      blockId: 'p39',
      text: 'The Group recommends that States ensure the stability of the Internet.',
    },
    {
      blockId: 'p40',
      text: 'States should refrain from actions that would undermine the availability of the Internet.',
    },
  ];
  const r = reanchorQuote(s, candidates)!;
  assert.equal(r.blockId, 'p40');
  assert.equal(r.exact, 'refrain from actions that would undermine');
  assert.equal(r.method, 'exact');
  assert.ok(r.score < 1 && r.score >= 0.9);
});

test('the first candidate wins when the quote is equally at home in two', () => {
  const s = select(P38, 'public core');
  const r = reanchorQuote(s, [
    { blockId: 'p38', text: P38 },
    { blockId: 'p51', text: P38 },
  ])!;
  assert.equal(r.blockId, 'p38');
});

test('a lightly edited quote is found fuzzily', () => {
  const s = select(P38, 'States must ensure the stability of the public core of the Internet');
  const revised = P38.replace('must ensure', 'should ensure');
  const r = reanchorQuote(s, [{ blockId: 'p38', text: revised }])!;
  assert.equal(r.method, 'fuzzy');
  assert.equal(r.exact, 'States should ensure the stability of the public core of the Internet');
  assert.ok(r.score > 0.9 && r.score < 1, String(r.score));

  const inserted = P38.replace('the public core', 'the public and technical core');
  const r2 = reanchorQuote(s, [{ blockId: 'p38', text: inserted }])!;
  assert.equal(
    r2.exact,
    'States must ensure the stability of the public and technical core of the Internet',
  );
  assert.ok(r2.score >= 0.75);
});

test('a fuzzy hit in a later candidate beats none, and the earlier candidate is preferred', () => {
  const s = select(P38, 'refrain from actions that would undermine the availability');
  const edited = 'They refrain from any actions that would undermine the availability of networks.';
  assert.equal(
    reanchorQuote(s, [
      { blockId: 'other', text: 'Unrelated text about capacity building in developing countries.' },
      { blockId: 'moved', text: edited },
    ])!.blockId,
    'moved',
  );
  assert.equal(
    reanchorQuote(s, [
      { blockId: 'first', text: edited },
      { blockId: 'second', text: edited },
    ])!.blockId,
    'first',
  );
});

test('a short quote found fuzzily must also have its old surroundings', () => {
  const s = select(P38, 'public core of the Internet');
  const elsewhere =
    'Capacity building helps public cores of the Internets in developing countries.';
  assert.equal(reanchorQuote(s, [{ blockId: 'p', text: elsewhere }]), undefined);
  const revised = P38.replace('public core', 'public cores');
  const r = reanchorQuote(s, [{ blockId: 'p', text: revised }])!;
  assert.equal(r.exact, 'public cores of the Internet');
  assert.equal(r.method, 'fuzzy');
});

test('a heavily rewritten quote is an orphan', () => {
  const s = select(
    P38,
    'refrain from actions that would undermine the availability of the Internet',
  );
  const rewritten =
    'The Group recommends that States avoid measures that could impair how available networks are.';
  assert.equal(reanchorQuote(s, [{ blockId: 'p38', text: rewritten }]), undefined);
  assert.equal(reanchorQuote(s, []), undefined);
});

test('Chinese quotes, exact and edited', () => {
  const text = '工作组建议各国保护互联网的公共核心，并加强区域合作与能力建设。';
  const s = select(text, '保护互联网的公共核心');
  const revised = '工作组建议会员国保护互联网的公共核心，并加强区域合作与能力建设。';
  const r = reanchorQuote(s, [{ blockId: 'zh', text: revised }])!;
  assert.equal(r.exact, '保护互联网的公共核心');
  assert.equal(r.method, 'exact');
  const edited = '工作组建议各国维护互联网的公共核心，并加强区域合作与能力建设。';
  const f = reanchorQuote(s, [{ blockId: 'zh', text: edited }])!;
  assert.equal(f.method, 'fuzzy');
  assert.equal(f.exact, '维护互联网的公共核心');
});

test('surrogate pairs are never split', () => {
  const text = 'Emoji 😀😀 and 𝒳 letters 😀 end';
  // a span starting and ending inside pairs is widened to whole characters
  const s = quoteSelector(text, text.indexOf('😀') + 1, text.indexOf('𝒳') + 1);
  assert.equal(s.exact, '😀😀 and 𝒳');
  // prefix and suffix do not start or end halfway through a pair
  const long = '😀'.repeat(40) + 'x' + '😀'.repeat(40);
  const mid = quoteSelector(long, 80, 81);
  assert.equal(mid.exact, 'x');
  assert.equal(mid.prefix.length, 32);
  assert.equal(mid.suffix.length, 32);
  const lone = quoteSelector(long, 81, 82);
  assert.equal(lone.exact, '😀');

  // an exact quote that begins with a low surrogate is widened to the whole pair
  const r = reanchorQuote({ exact: '\uDE00 and', prefix: '', suffix: '' }, [
    { blockId: 'p', text },
  ])!;
  assert.equal(r.exact, '😀 and');
  // fuzzy matches never end or start inside a pair
  const f = reanchorQuote({ exact: 'Emoji 😀😀 anx 𝒳', prefix: '', suffix: '' }, [
    { blockId: 'p', text: text.replace('and', 'or') },
  ])!;
  const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
  const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
  assert.ok(!isLow(f.exact.charCodeAt(0)));
  assert.ok(!isHigh(f.exact.charCodeAt(f.exact.length - 1)));
});

test('never throws, whatever it is given (seeded)', () => {
  const rnd = prng(99);
  const alphabet = [
    'a',
    'b',
    ' ',
    '😀',
    '\uD800',
    '\uDC00',
    'é',
    'e\u0301',
    '互',
    'ل',
    '\n',
    '\u0000',
  ];
  const str = (max: number): string =>
    Array.from(
      { length: Math.floor(rnd() * max) },
      () => alphabet[Math.floor(rnd() * alphabet.length)]!,
    ).join('');
  for (let k = 0; k < 2000; k++) {
    const text = str(80);
    const s = quoteSelector(text, rnd() * 100 - 10, rnd() * 100 - 10);
    assert.ok(s.start <= s.end && s.end <= text.length);
    const selector: QuoteSelector =
      k % 3 ? s : { exact: str(40), prefix: str(40), suffix: str(40), start: rnd() * 50 };
    const candidates = Array.from({ length: Math.floor(rnd() * 4) }, (_, c) => ({
      blockId: `b${c}`,
      text: rnd() < 0.5 ? text : str(120),
    }));
    const r = reanchorQuote(selector, candidates);
    if (!r) continue;
    const found = candidates.find((c) => c.blockId === r.blockId)!;
    assert.equal(found.text.slice(r.start, r.end), r.exact);
    assert.ok(r.score >= 0 && r.score <= 1);
    if (r.method === 'exact') assert.ok(r.exact.includes(selector.exact));
  }
  // inputs of the wrong shape, as they may come from stored JSON
  const junk = [null, undefined, 42, { exact: 7 }, { exact: 'a', prefix: null, suffix: {} }];
  for (const j of junk) {
    assert.doesNotThrow(() =>
      reanchorQuote(j as unknown as QuoteSelector, [{ blockId: 'b', text: 'a' }]),
    );
    assert.doesNotThrow(() => reanchorQuote({ exact: 'a', prefix: '', suffix: '' }, j as never));
  }
  assert.doesNotThrow(() =>
    reanchorQuote({ exact: 'a', prefix: '', suffix: '' }, [null, { blockId: 'b' }] as never),
  );
  // a quote longer than any candidate, and an empty one
  assert.equal(
    reanchorQuote({ exact: P38 + P38, prefix: '', suffix: '' }, [{ blockId: 'b', text: P38 }]),
    undefined,
  );
  assert.equal(
    reanchorQuote({ exact: '', prefix: 'The', suffix: 'Group' }, [{ blockId: 'b', text: P38 }]),
    undefined,
  );
});
