import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignVersions, type AlignBlock, type AlignmentLink } from './align.ts';
import { prng } from '../imports/parser/messy-document.builder.ts';

// ---- fixtures: UN-style paragraphs that share boilerplate, as real ones do ----

const OPENINGS = [
  'Recognizes that',
  'Calls upon all States to ensure that',
  'Encourages Member States and all stakeholders to consider whether',
  'Notes with concern that',
  'Requests the Secretary-General to report on how',
  'Decides that',
  'Emphasizes the importance of ensuring that',
  'Invites relevant United Nations entities to examine how',
  'Welcomes the efforts of the Working Group to show that',
  'Reaffirms that',
];
const SUBJECTS = [
  'the technical community',
  'developing countries',
  'civil society organizations',
  'the private sector',
  'national authorities',
  'regional organizations',
  'small island developing States',
  'academic and research institutions',
  'the multistakeholder community',
  'Member States',
];
const VERBS = [
  'should strengthen',
  'must protect',
  'continue to promote',
  'may review',
  'are encouraged to support',
  'should avoid undermining',
  'need to coordinate',
  'have a role in sustaining',
];
const CONTENT = (
  'availability integrity stability resilience routing naming addressing infrastructure ' +
  'cybersecurity capacity confidence transparency accountability inclusiveness openness ' +
  'interoperability encryption privacy data protection localization fragmentation spectrum ' +
  'satellites undersea cables exchange points registries protocols standards identifiers ' +
  'vulnerabilities incidents ransomware disclosure attribution sovereignty jurisdiction ' +
  'cooperation dialogue mechanisms forums mandates assessments indicators benchmarks gender ' +
  'accessibility affordability connectivity literacy skills curricula procurement supply chains ' +
  'certification audits oversight ombudsperson remedies accountability platforms moderation ' +
  'algorithms artificial intelligence automation labour markets taxation competition ' +
  'financing investment donors trust funds fellowships secondments internships translation ' +
  'archives records preservation heritage libraries museums emergency telecommunications ' +
  'disaster early warning pandemic health climate energy efficiency emissions recycling ' +
  'electronic waste minerals hardware firmware software open source licensing patents'
).split(' ');
const CLOSINGS = [
  'in accordance with international law and the Charter of the United Nations.',
  'taking into account national circumstances and priorities.',
  'with the full and effective participation of all stakeholders.',
  'and to report thereon to the General Assembly at its next session.',
  'within existing resources.',
];

/** A paragraph of about `words` words: boilerplate frame around topic words chosen by `rnd`. */
function paragraph(rnd: () => number, words = 60): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parts: string[] = [pick(OPENINGS), pick(SUBJECTS), pick(VERBS)];
  let count = parts.join(' ').split(' ').length;
  while (count < words - 10) {
    const phrase = `the ${pick(CONTENT)} and ${pick(CONTENT)} of ${pick(CONTENT)} ${pick(CONTENT)},`;
    parts.push(phrase);
    count += phrase.split(' ').length;
    if (rnd() < 0.3) {
      const more = `${pick(SUBJECTS)} ${pick(VERBS)}`;
      parts.push(more);
      count += more.split(' ').length;
    }
  }
  parts.push(pick(CLOSINGS));
  return parts.join(' ');
}

/** The paragraph lightly edited: a few words replaced and a phrase inserted. */
function reword(rnd: () => number, text: string): string {
  const words = text.split(' ');
  for (let k = 0; k < Math.max(1, Math.round(words.length / 12)); k++) {
    const at = Math.floor(rnd() * words.length);
    words[at] = CONTENT[Math.floor(rnd() * CONTENT.length)]!;
  }
  words.splice(
    Math.floor(words.length / 2),
    0,
    'in',
    'particular',
    'through',
    'regional',
    'dialogue',
  );
  return words.join(' ');
}

/** Blocks from texts: numbered paragraphs 1..n, ids with a prefix per version. */
function numbered(prefix: string, texts: string[]): AlignBlock[] {
  return texts.map((text, k) => ({
    id: `${prefix}${k + 1}`,
    kind: 'paragraph',
    number: String(k + 1),
    address: `para ${k + 1}`,
    parentId: null,
    text,
  }));
}

/** The link that holds a block id, on either side. */
function linkOf(links: AlignmentLink[], id: string): AlignmentLink {
  const found = links.find((l) => l.fromIds.includes(id) || l.toIds.includes(id));
  assert.ok(found, `no link holds ${id}`);
  return found;
}

/** Every block of both versions in exactly one link, and links in the later version's order. */
function assertContract(from: AlignBlock[], to: AlignBlock[], links: AlignmentLink[]): void {
  const fromIds = links.flatMap((l) => l.fromIds);
  const toIds = links.flatMap((l) => l.toIds);
  assert.deepEqual(fromIds.toSorted(), from.map((b) => b.id).toSorted());
  assert.deepEqual(
    toIds,
    to.map((b) => b.id),
  );
  for (const l of links) {
    assert.ok(l.fromIds.length + l.toIds.length > 0);
    assert.equal(l.change === 'deleted', l.toIds.length === 0);
    assert.equal(l.change === 'new', l.fromIds.length === 0);
    assert.ok(l.similarity >= 0 && l.similarity <= 1);
    assert.equal(l.similarity === 1, l.change === 'unchanged');
    if (l.change === 'split') assert.ok(l.fromIds.length === 1 && l.toIds.length >= 2);
    if (l.change === 'merged') assert.ok(l.fromIds.length >= 2 && l.toIds.length === 1);
    if (l.renumbered) assert.ok(l.fromIds.length === 1 && l.toIds.length === 1);
  }
}

function draft(seed: number, count: number, words = 60): string[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, () => paragraph(rnd, words));
}

// ---- tests ----

test('an unchanged draft links every paragraph to itself, unchanged, in order', () => {
  const texts = draft(1, 20);
  const links = alignVersions(numbered('a', texts), numbered('b', texts));
  assert.equal(links.length, 20);
  links.forEach((l, k) => {
    assert.deepEqual(l, {
      fromIds: [`a${k + 1}`],
      toIds: [`b${k + 1}`],
      change: 'unchanged',
      renumbered: false,
      moved: false,
      similarity: 1,
    });
  });
});

test('whitespace from rewrapped lines is not a change; a changed comma is', () => {
  const texts = draft(2, 3);
  const after = [texts[0]!.replace(/ /g, '  '), texts[1]!.replace(',', ';'), texts[2]!];
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assert.deepEqual(
    links.map((l) => l.change),
    ['unchanged', 'changed', 'unchanged'],
  );
  assert.ok(links[1]!.similarity > 0.95 && links[1]!.similarity < 1);
});

test('a paragraph inserted at 5 renumbers the rest without calling them moved or changed', () => {
  const rnd = prng(1003);
  const texts = draft(3, 40);
  const after = [...texts.slice(0, 4), paragraph(rnd), ...texts.slice(4)];
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assertContract(numbered('a', texts), numbered('b', after), links);
  assert.equal(links.length, 41);
  assert.deepEqual(linkOf(links, 'b5'), {
    fromIds: [],
    toIds: ['b5'],
    change: 'new',
    renumbered: false,
    moved: false,
    similarity: 0,
  });
  for (let k = 5; k <= 40; k++) {
    const l = linkOf(links, `a${k}`);
    assert.deepEqual(l.toIds, [`b${k + 1}`]);
    assert.equal(l.change, 'unchanged');
    assert.equal(l.renumbered, true);
    assert.equal(l.moved, false);
  }
  assert.equal(linkOf(links, 'a4').renumbered, false);
});

test('reworded paragraphs are changed, with their similarity, wherever the numbers went', () => {
  const rnd = prng(1004);
  const texts = draft(4, 30);
  const after = texts.map((t, k) => (k % 3 === 0 ? reword(rnd, t) : t));
  after.splice(10, 1);
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assertContract(numbered('a', texts), numbered('b', after), links);
  for (let k = 0; k < 30; k++) {
    const l = linkOf(links, `a${k + 1}`);
    if (k === 10) {
      assert.equal(l.change, 'deleted');
      continue;
    }
    assert.deepEqual(l.toIds, [`b${k < 10 ? k + 1 : k}`]);
    assert.equal(l.change, k % 3 === 0 ? 'changed' : 'unchanged');
    if (k % 3 === 0) assert.ok(l.similarity > 0.6 && l.similarity < 1, String(l.similarity));
  }
});

test('a paragraph moved elsewhere is moved; the ones it jumped over are not', () => {
  const texts = draft(5, 30);
  const after = [...texts];
  const [para7] = after.splice(6, 1);
  after.splice(24, 0, para7!);
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assertContract(numbered('a', texts), numbered('b', after), links);
  const l = linkOf(links, 'a7');
  assert.deepEqual(l.toIds, ['b25']);
  assert.equal(l.change, 'unchanged');
  assert.equal(l.moved, true);
  assert.equal(l.renumbered, true);
  assert.deepEqual(
    links.filter((x) => x.moved).map((x) => x.fromIds),
    [['a7']],
  );
});

test('a moved and reworded paragraph is found and still moved', () => {
  const rnd = prng(1006);
  const texts = draft(6, 30);
  const after = [...texts];
  const [para3] = after.splice(2, 1);
  after.push(reword(rnd, para3!));
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  const l = linkOf(links, 'a3');
  assert.deepEqual(l.toIds, ['b30']);
  assert.equal(l.change, 'changed');
  assert.equal(l.moved, true);
});

test('a paragraph split in two is one split link; two merged into one are one merged link', () => {
  const texts = draft(7, 12, 80);
  const sentenceBreak = (t: string): [string, string] => {
    const words = t.split(' ');
    const half = Math.floor(words.length / 2);
    return [words.slice(0, half).join(' ') + '.', 'It ' + words.slice(half).join(' ')];
  };
  const [first, second] = sentenceBreak(texts[3]!);
  const after = [
    ...texts.slice(0, 3),
    first,
    second,
    ...texts.slice(4, 8),
    `${texts[8]} ${texts[9]}`,
    ...texts.slice(10),
  ];
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assertContract(numbered('a', texts), numbered('b', after), links);
  const split = linkOf(links, 'a4');
  assert.deepEqual(split.fromIds, ['a4']);
  assert.deepEqual(split.toIds, ['b4', 'b5']);
  assert.equal(split.change, 'split');
  assert.equal(split.renumbered, false);
  assert.ok(split.similarity > 0.9 && split.similarity < 1);
  const merged = linkOf(links, 'a9');
  assert.deepEqual(merged.fromIds, ['a9', 'a10']);
  assert.deepEqual(merged.toIds, ['b10']);
  assert.equal(merged.change, 'merged');
  assert.equal(links.filter((l) => l.moved).length, 0);
  assert.equal(links.length, 11);
});

test('a split into three with light edits is still a split', () => {
  const rnd = prng(1008);
  const texts = draft(8, 6, 90);
  const words = texts[2]!.split(' ');
  const third = Math.floor(words.length / 3);
  const pieces = [
    words.slice(0, third).join(' '),
    words.slice(third, 2 * third).join(' '),
    words.slice(2 * third).join(' '),
  ].map((p, k) => (k === 1 ? reword(rnd, p) : p));
  const after = [...texts.slice(0, 2), ...pieces, ...texts.slice(3)];
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assertContract(numbered('a', texts), numbered('b', after), links);
  assert.deepEqual(linkOf(links, 'a3').toIds, ['b3', 'b4', 'b5']);
  assert.equal(linkOf(links, 'a3').change, 'split');
});

test('deleted paragraphs follow their earlier neighbour; new ones stand where they are', () => {
  const rnd = prng(1009);
  const texts = draft(9, 10);
  const fresh = paragraph(rnd);
  const after = [texts[0]!, texts[1]!, fresh, texts[4]!, ...texts.slice(5, 9)];
  const from = numbered('a', texts);
  const to = numbered('b', after);
  const links = alignVersions(from, to);
  assertContract(from, to, links);
  assert.deepEqual(
    links.map((l) => [l.change, ...l.fromIds, '→', ...l.toIds].join(' ')),
    [
      'unchanged a1 → b1',
      'unchanged a2 → b2',
      'deleted a3 →',
      'deleted a4 →',
      'new → b3',
      'unchanged a5 → b4',
      'unchanged a6 → b5',
      'unchanged a7 → b6',
      'unchanged a8 → b7',
      'unchanged a9 → b8',
      'deleted a10 →',
    ],
  );
});

test('a deletion at the very start comes first', () => {
  const texts = draft(10, 4);
  const links = alignVersions(numbered('a', texts), numbered('b', texts.slice(1)));
  assert.deepEqual(links[0], {
    fromIds: ['a1'],
    toIds: [],
    change: 'deleted',
    renumbered: false,
    moved: false,
    similarity: 0,
  });
  assert.equal(links.length, 4);
});

test('a paragraph rewritten in place is changed, not deleted and new', () => {
  const rnd = prng(1011);
  const texts = draft(11, 8);
  // the first 25 words kept, the rest new: too little to link it anywhere, enough where it stood
  const rewritten = [...texts[4]!.split(' ').slice(0, 25), ...paragraph(rnd).split(' ').slice(25)];
  const after = [...texts];
  after[4] = rewritten.join(' ');
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  const l = linkOf(links, 'a5');
  assert.deepEqual(l.toIds, ['b5']);
  assert.equal(l.change, 'changed');
  assert.ok(l.similarity < 0.7, String(l.similarity));
  // the same text moved to the end is not linked
  const moved = [...texts];
  moved.splice(4, 1);
  moved.push(rewritten.join(' '));
  assert.equal(
    linkOf(alignVersions(numbered('a', texts), numbered('b', moved)), 'a5').change,
    'deleted',
  );
});

test('an unrelated paragraph in place of a deleted one is not taken for it', () => {
  const rnd = prng(1012);
  const texts = draft(12, 8);
  const after = [...texts];
  after[4] = paragraph(rnd);
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assert.equal(linkOf(links, 'a5').change, 'deleted');
  assert.equal(linkOf(links, 'b5').change, 'new');
});

test('sub-paragraphs are aligned under their renumbered paragraph', () => {
  const rnd = prng(1013);
  const texts = draft(13, 5);
  const subs = Array.from({ length: 4 }, () => paragraph(rnd, 20).replace(/\.$/, ';'));
  const version = (
    prefix: string,
    lead: string[],
    subTexts: string[],
    extra: boolean,
  ): AlignBlock[] => {
    const blocks: AlignBlock[] = [];
    let no = 0;
    const para = (text: string): string => {
      no++;
      blocks.push({
        id: `${prefix}${no}`,
        kind: 'paragraph',
        number: String(no),
        address: `para ${no}`,
        parentId: null,
        text,
      });
      return `${prefix}${no}`;
    };
    para(lead[0]!);
    if (extra) para(paragraph(rnd));
    const parent = para('The Working Group recommends that:');
    subTexts.forEach((text, k) => {
      const letter = String.fromCharCode(97 + k);
      blocks.push({
        id: `${parent}${letter}`,
        kind: 'paragraph',
        number: letter,
        address: `para ${no}(${letter})`,
        parentId: parent,
        text,
      });
    });
    for (const text of lead.slice(1)) para(text);
    return blocks;
  };
  const from = version('a', texts, subs, false);
  // version 2: a paragraph inserted before, sub-paragraph (b) deleted, (c) reworded, a new (e)
  const to = version(
    'b',
    texts,
    [subs[0]!, reword(rnd, subs[2]!), subs[3]!, paragraph(rnd, 20)],
    true,
  );
  const links = alignVersions(from, to);
  assertContract(from, to, links);
  assert.deepEqual(linkOf(links, 'a2').toIds, ['b3']);
  assert.equal(linkOf(links, 'a2').renumbered, true);
  assert.deepEqual(linkOf(links, 'a2a').toIds, ['b3a']);
  assert.equal(linkOf(links, 'a2a').change, 'unchanged');
  assert.equal(linkOf(links, 'a2b').change, 'deleted');
  assert.deepEqual(linkOf(links, 'a2c').toIds, ['b3b']);
  assert.equal(linkOf(links, 'a2c').change, 'changed');
  assert.equal(linkOf(links, 'a2c').renumbered, true);
  assert.deepEqual(linkOf(links, 'a2d').toIds, ['b3c']);
  assert.equal(linkOf(links, 'b3d').change, 'new');
  assert.equal(links.filter((l) => l.moved).length, 0);
});

test('identical duplicate paragraphs are matched in order', () => {
  const texts = draft(14, 6);
  const before = [
    texts[0]!,
    '[Placeholder]',
    texts[1]!,
    '[Placeholder]',
    texts[2]!,
    '[Placeholder]',
  ];
  const after = [
    texts[0]!,
    '[Placeholder]',
    texts[1]!,
    texts[3]!,
    '[Placeholder]',
    texts[2]!,
    '[Placeholder]',
  ];
  const links = alignVersions(numbered('a', before), numbered('b', after));
  assertContract(numbered('a', before), numbered('b', after), links);
  assert.deepEqual(linkOf(links, 'a2').toIds, ['b2']);
  assert.deepEqual(linkOf(links, 'a4').toIds, ['b5']);
  assert.deepEqual(linkOf(links, 'a6').toIds, ['b7']);
  assert.equal(links.filter((l) => l.moved).length, 0);

  // many of the same: in order, none moved
  const many = Array.from({ length: 60 }, (_, k) => (k % 2 ? '[Deleted]' : texts[k % 6]!));
  const manyLinks = alignVersions(numbered('a', many), numbered('b', many));
  assert.ok(manyLinks.every((l, k) => l.fromIds[0] === `a${k + 1}` && l.toIds[0] === `b${k + 1}`));
});

test('two large groups of identical paragraphs that swapped places', () => {
  const before = [...Array<string>(70).fill('[Deleted]'), ...Array<string>(70).fill('[Reserved]')];
  const after = [...Array<string>(70).fill('[Reserved]'), ...Array<string>(70).fill('[Deleted]')];
  const from = numbered('a', before);
  const to = numbered('b', after);
  const links = alignVersions(from, to);
  assertContract(from, to, links);
  assert.ok(links.every((l) => l.change === 'unchanged'));
  assert.equal(links.filter((l) => l.moved).length, 70);
  // within each group, still in order
  const deleted = links.filter((l) => after[Number(l.toIds[0]!.slice(1)) - 1] === '[Deleted]');
  assert.deepEqual(
    deleted.map((l) => l.fromIds[0]),
    before.map((_, k) => `a${k + 1}`).slice(0, 70),
  );
});

test('a rewritten passage of many paragraphs is deleted and new, not forced into pairs', () => {
  const rnd = prng(1017);
  const texts = draft(17, 40);
  const after = [
    ...texts.slice(0, 10),
    ...Array.from({ length: 20 }, () => paragraph(rnd)),
    ...texts.slice(30),
  ];
  const links = alignVersions(numbered('a', texts), numbered('b', after));
  assert.equal(links.filter((l) => l.change === 'changed').length, 0);
  assert.equal(links.filter((l) => l.change === 'deleted').length, 20);
  assert.equal(links.filter((l) => l.change === 'new').length, 20);
});

test('a revision doing everything at once', () => {
  const rnd = prng(1018);
  const texts = draft(18, 50);
  const half = (t: string, k: 0 | 1): string => {
    const words = t.split(' ');
    const cut = Math.floor(words.length / 2);
    return (k ? words.slice(cut) : words.slice(0, cut)).join(' ');
  };
  // old paragraph numbers (1-based) → what the new version holds, in its order
  const plan: Array<[string, string]> = [];
  for (let k = 1; k <= 50; k++) {
    const t = texts[k - 1]!;
    if (k === 5) plan.push(['new', paragraph(rnd)]);
    if (k === 10) plan.push(['moved 40', texts[39]!]);
    if (k === 40 || k === 45 || k === 31) continue;
    if (k === 12) plan.push([`changed ${k}`, reword(rnd, t)]);
    else if (k === 20) plan.push([`split ${k}`, half(t, 0)], [`split ${k}`, half(t, 1)]);
    else if (k === 30) plan.push([`merged 30 31`, `${t} ${texts[30]}`]);
    else plan.push([`unchanged ${k}`, t]);
  }
  const from = numbered('a', texts);
  const to = numbered(
    'b',
    plan.map(([, t]) => t),
  );
  const links = alignVersions(from, to);
  assertContract(from, to, links);
  const at = (k: number): string => `b${plan.findIndex(([what]) => what === `unchanged ${k}`) + 1}`;
  assert.deepEqual(linkOf(links, 'a4').toIds, ['b4']);
  assert.equal(linkOf(links, 'a4').renumbered, false);
  assert.equal(linkOf(links, `b5`).change, 'new');
  assert.deepEqual(linkOf(links, 'a9').toIds, [at(9)]);
  assert.equal(linkOf(links, 'a9').renumbered, true);
  const moved = linkOf(links, 'a40');
  assert.equal(moved.change, 'unchanged');
  assert.equal(moved.moved, true);
  assert.equal(linkOf(links, 'a12').change, 'changed');
  assert.equal(linkOf(links, 'a20').change, 'split');
  assert.equal(linkOf(links, 'a20').toIds.length, 2);
  assert.deepEqual(linkOf(links, 'a30').fromIds, ['a30', 'a31']);
  assert.equal(linkOf(links, 'a45').change, 'deleted');
  assert.deepEqual(
    links.filter((l) => l.moved).map((l) => l.fromIds),
    [['a40']],
  );
  // the deleted 45 comes right after the link of 44
  const k44 = links.indexOf(linkOf(links, 'a44'));
  assert.equal(links[k44 + 1], linkOf(links, 'a45'));
});

test('footnotes link to footnotes and headings to headings', () => {
  const block = (id: string, kind: AlignBlock['kind'], text: string): AlignBlock => ({
    id,
    kind,
    number: null,
    address: id,
    parentId: null,
    text,
  });
  const from = [
    block('h1', 'heading', 'Capacity building'),
    block('p1', 'paragraph', 'Capacity building'),
    block('f1', 'footnote', 'See A/RES/70/125, para. 12.'),
  ];
  const to = [
    block('P1', 'paragraph', 'Capacity building'),
    block('H1', 'heading', 'Capacity building'),
    block('F1', 'footnote', 'See A/RES/70/125, para. 12.'),
  ];
  const links = alignVersions(from, to);
  assertContract(from, to, links);
  assert.deepEqual(linkOf(links, 'h1').toIds, ['H1']);
  assert.deepEqual(linkOf(links, 'p1').toIds, ['P1']);
  assert.deepEqual(linkOf(links, 'f1').toIds, ['F1']);
  // with no footnote left, a footnote's text found in the body still links (kinds may differ)
  const alone = alignVersions([from[2]!], [block('X', 'paragraph', 'See A/RES/70/125, para. 12.')]);
  assert.equal(alone[0]!.change, 'unchanged');
});

test('Chinese and Arabic paragraphs align by their words', () => {
  const zh = [
    '工作组建议各国保护互联网的公共核心，并加强区域合作与能力建设。',
    '大会请秘书长就执行本决议的情况提出报告，并在现有资源范围内开展工作。',
    '鼓励会员国和所有利益攸关方支持发展中国家的数字包容和网络安全。',
    '重申国际法特别是《联合国宪章》适用于信息和通信技术的使用。',
  ];
  const zhAfter = [
    zh[0]!,
    '鼓励会员国和所有利益攸关方支持最不发达国家的数字包容和网络安全。',
    '决定设立一个不限成员名额的工作组。',
    zh[1]!,
    zh[3]!,
  ];
  const links = alignVersions(numbered('a', zh), numbered('b', zhAfter));
  assertContract(numbered('a', zh), numbered('b', zhAfter), links);
  assert.equal(linkOf(links, 'a1').change, 'unchanged');
  assert.deepEqual(linkOf(links, 'a3').toIds, ['b2']);
  assert.equal(linkOf(links, 'a3').change, 'changed');
  assert.equal(linkOf(links, 'a3').moved, true);
  assert.equal(linkOf(links, 'b3').change, 'new');

  const ar = [
    'يوصي الفريق بأن تحمي الدول النواة العامة للإنترنت وأن تعزز التعاون الإقليمي.',
    'تطلب الجمعية العامة إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار.',
    'تشجع الدول الأعضاء وجميع أصحاب المصلحة على دعم بناء القدرات في البلدان النامية.',
  ];
  const arAfter = [
    'يَوصي الفريق بأن تحمي الدول النواةَ العامة للإنترنت وأن تعزز التعاون الإقليمي والدولي.',
    ar[2]!,
  ];
  const arLinks = alignVersions(numbered('a', ar), numbered('b', arAfter));
  assert.deepEqual(linkOf(arLinks, 'a1').toIds, ['b1']);
  assert.equal(linkOf(arLinks, 'a1').change, 'changed');
  assert.equal(linkOf(arLinks, 'a2').change, 'deleted');
  assert.deepEqual(linkOf(arLinks, 'a3').toIds, ['b2']);
});

test('empty inputs', () => {
  const texts = numbered('a', draft(15, 3));
  assert.deepEqual(alignVersions([], []), []);
  assert.deepEqual(
    alignVersions(texts, []).map((l) => [l.change, l.fromIds[0]]),
    [
      ['deleted', 'a1'],
      ['deleted', 'a2'],
      ['deleted', 'a3'],
    ],
  );
  assert.deepEqual(
    alignVersions([], texts).map((l) => [l.change, l.toIds[0]]),
    [
      ['new', 'a1'],
      ['new', 'a2'],
      ['new', 'a3'],
    ],
  );
  const blank = numbered('a', ['', '  ', '—']);
  const blankLinks = alignVersions(blank, numbered('b', ['', '—']));
  assertContract(blank, numbered('b', ['', '—']), blankLinks);
});

test('every block is in exactly one link, on random revisions (seeded)', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const rnd = prng(seed * 7919);
    const pool = draft(seed, 8 + Math.floor(rnd() * 8), 20 + Math.floor(rnd() * 40));
    pool.push('[Placeholder]', '[Placeholder]', '', 'Capacity building');
    const pick = (): string => pool[Math.floor(rnd() * pool.length)]!;
    const kinds: AlignBlock['kind'][] = [
      'paragraph',
      'paragraph',
      'paragraph',
      'list_item',
      'heading',
      'footnote',
      'table',
    ];
    const version = (prefix: string, count: number, base: string[]): AlignBlock[] => {
      const texts: string[] = [];
      for (let k = 0; k < count; k++) {
        const r = rnd();
        const source = base.length ? base[Math.floor(rnd() * base.length)]! : pick();
        if (r < 0.5) texts.push(source);
        else if (r < 0.7) texts.push(reword(rnd, source));
        else if (r < 0.8) texts.push(source.slice(0, Math.floor(source.length / 2)));
        else if (r < 0.9) texts.push(`${source} ${pick()}`);
        else texts.push(pick());
      }
      return texts.map((text, k) => ({
        id: `${prefix}${k}`,
        kind: kinds[Math.floor(rnd() * kinds.length)]!,
        number: rnd() < 0.8 ? String(k + 1) : null,
        address: `para ${k + 1}`,
        parentId: k > 0 && rnd() < 0.2 ? `${prefix}${k - 1}` : null,
        text,
      }));
    };
    const from = version('a', Math.floor(rnd() * 25), []);
    const to = version(
      'b',
      Math.floor(rnd() * 25),
      from.map((b) => b.text),
    );
    const links = alignVersions(from, to);
    assertContract(from, to, links);
    assert.deepEqual(alignVersions(from, to), links, 'deterministic');
  }
});

test('1,000 paragraphs against a revision of them align quickly', () => {
  const rnd = prng(1016);
  const texts = draft(16, 1000);
  const after: string[] = [];
  texts.forEach((t, k) => {
    if (k % 50 === 7) return; // deleted
    if (k % 40 === 3) after.push(paragraph(rnd)); // new
    after.push(k % 10 === 0 ? reword(rnd, t) : t);
  });
  const [moving] = after.splice(100, 1);
  after.splice(700, 0, moving!);
  const from = numbered('a', texts);
  const to = numbered('b', after);
  const started = performance.now();
  const links = alignVersions(from, to);
  const elapsed = performance.now() - started;
  assertContract(from, to, links);
  assert.equal(links.filter((l) => l.change === 'deleted').length, 20);
  assert.equal(links.filter((l) => l.change === 'new').length, 25);
  assert.equal(links.filter((l) => l.change === 'changed').length, 100);
  assert.equal(links.filter((l) => l.moved).length, 1);
  // Loose on purpose: the budget is well under a second; a slow machine must not fail the suite.
  assert.ok(elapsed < 5000, `${elapsed.toFixed(0)} ms`);
});
