import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParseResult } from '../../documents/blocks.ts';
import { checkAccounting } from './accounting.ts';
import { parseText } from './parse-text.ts';

const parse = (src: string): ParseResult => {
  const r = parseText(src, { format: 'text' });
  const acc = checkAccounting(src, r);
  assert.deepEqual({ missing: acc.missing, extra: acc.extra }, { missing: {}, extra: {} });
  return r;
};
const summary = (r: ParseResult): string[] =>
  r.blocks.map((b) => `${b.kind} ${b.address}: ${b.text}`);
const codes = (r: ParseResult): string[] => r.warnings.map((w) => w.code);

test('a Chinese report: paragraph and section numbers alone on their lines, (a) sub-sections, end-notes, dates', () => {
  const r = parse(
    [
      '1',
      '导言',
      '1',
      '工作组于2005年2月举行第一届会议。',
      '2',
      '会议通过了议程。1',
      '(a) 工作安排',
      '3',
      '工作组决定设立两个分组。',
      '2',
      '建议',
      '4',
      '工作组建议大会注意本报告。2',
      '5',
      '工作组还建议延长任务期限。',
      '__________',
      '1',
      '见第一次会议的报告。',
      '2',
      '见大会第3条。',
    ].join('\n'),
  );
  assert.deepEqual(summary(r), [
    'heading §1: 导言',
    'paragraph para 1: 工作组于2005年2月举行第一届会议。',
    'paragraph para 2: 会议通过了议程。',
    'heading §1(a): 工作安排',
    'paragraph para 3: 工作组决定设立两个分组。',
    'heading §2: 建议',
    'paragraph para 4: 工作组建议大会注意本报告。',
    'paragraph para 5: 工作组还建议延长任务期限。',
    'footnote fn 1: 见第一次会议的报告。',
    'footnote fn 2: 见大会第3条。',
  ]);
  const p2 = r.blocks.find((b) => b.address === 'para 2')!;
  assert.equal(p2.footnoteRefs[0]?.footnoteKey, r.blocks.find((b) => b.address === 'fn 1')!.key);
  assert.deepEqual(codes(r), []);
  // every number the whole-document reading decided carries how sure it is
  assert.ok(
    r.blocks
      .filter((b) => b.number !== null && b.kind !== 'heading')
      .every((b) => b.confidence! >= 0.5),
  );
});

test('a Chinese date or counter after a number is text, never a footnote marker', () => {
  const r = parse('1. 会议于2005年2月在日内瓦举行，第3条适用。\n\n2. 本段落提到 5 项建议。\n');
  assert.deepEqual(
    r.blocks.map((b) => [b.text, b.footnoteRefs.length]),
    [
      ['会议于2005年2月在日内瓦举行，第3条适用。', 0],
      ['本段落提到 5 项建议。', 0],
    ],
  );
  assert.deepEqual(codes(r), []);
});

test('a displaced footnote number alone before a heading is no section number; a warning names its line', () => {
  const r = parse(
    [
      'Monitoring is part of how the organization supports the Internet and its identifier system.1',
      '',
      'As explained in our plan, page 47, we monitor legislation.',
      '2 This paper is part of a series.',
      '1',
      'Updates on the groups',
      'The group began its work on the use of technologies.2 It met twice.',
    ].join('\n'),
  );
  const heading = r.blocks.find((b) => b.kind === 'heading')!;
  assert.equal(heading.text, 'Updates on the groups');
  assert.equal(heading.number, null);
  const displaced = r.warnings.find((w) => w.code === 'FOOTNOTE_NUMBER_DISPLACED');
  assert.equal(displaced?.line, 5);
  assert.ok(r.removed.some((x) => x.reason === 'number_label' && x.line === 5));
});

test("Word's [footnoteRef:1] markers with the note written inline as [1: text] after the paragraph", () => {
  const r = parse('1. 本段提出意见[footnoteRef:1]。\n[1:  脚注的文字。]\n2. 第二段。\n');
  assert.deepEqual(summary(r), [
    'paragraph para 1: 本段提出意见。',
    'footnote fn 1: 脚注的文字。',
    'paragraph para 2: 第二段。',
  ]);
  assert.equal(r.blocks[0]!.footnoteRefs[0]!.footnoteKey, r.blocks[1]!.key);
});

test('Arabic-Indic digits in markers and numbers, and sub-paragraph parentheses mirrored by extraction', () => {
  const r = parse(
    '١- يلاحظ الفريق التقدم المحرز في العمل[١].\n)أ( البند الأول؛\n)ب( البند الثاني.\n\n[١] انظر التقرير السابق.\n',
  );
  assert.deepEqual(summary(r), [
    'paragraph para 1: يلاحظ الفريق التقدم المحرز في العمل.',
    'paragraph para 1(أ): البند الأول؛',
    'paragraph para 1(ب): البند الثاني.',
    'footnote fn 1: انظر التقرير السابق.',
  ]);
  assert.equal(r.blocks[0]!.footnoteRefs[0]!.marker, '١');
  assert.equal(r.blocks[0]!.footnoteRefs[0]!.footnoteKey, r.blocks[3]!.key);
});

test('paragraphs restarting at 1 in an annex are addressed in the annex, without a warning', () => {
  const r = parse(
    '1. The Group met.\n\n2. The Group adopted its report.\n\nAnnex\n\n1. The agenda was adopted.\n\n2. The meeting closed.\n',
  );
  assert.deepEqual(
    r.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.address),
    ['para 1', 'para 2', 'annex para 1', 'annex para 2'],
  );
  assert.deepEqual(codes(r), []);
});

test('a cover and a back cover are kept as front and back matter, apart from the body', () => {
  const r = parse(
    [
      'United Nations Update:',
      'Cyber Discussions',
      'A. Author',
      'GE-005',
      '15 July 2020',
      '',
      'Foreword',
      'This paper gives an update on the working groups of the Assembly, where the issues are discussed.',
      '',
      'One world, one Internet',
      'Visit us at example.org',
      '@example',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => `${b.matter ?? 'body'} ${b.kind} ${b.address}`),
    [
      'front paragraph front ¶1',
      'body heading §1',
      'body paragraph §1 ¶1',
      'back paragraph back ¶1',
    ],
  );
  assert.equal(r.title, 'United Nations Update: Cyber Discussions');
});

test('a file whose numbering cannot be decided gets a clear warning, and nothing is lost', () => {
  const r = parse(
    [
      '7',
      'Text one.',
      '',
      '3',
      'Text two.',
      '',
      '12',
      'Text three.',
      '',
      '5',
      'Text four.',
      '',
    ].join('\n'),
  );
  assert.ok(codes(r).includes('NUMBERING_UNDECIDED'), codes(r).join(' '));
});

test('a number at a line start after "п." or "paragraph" continues the reference: no note, no paragraph', () => {
  const r = parse(
    [
      '1. Группа рассмотрела доклад, упомянутый в п.',
      '12 доклада Генерального секретаря, и приняла решение.',
      '2. The Group recalled paragraph',
      '3 of its previous report.',
    ].join('\n'),
  );
  assert.deepEqual(summary(r), [
    'paragraph para 1: Группа рассмотрела доклад, упомянутый в п. 12 доклада Генерального секретаря, и приняла решение.',
    'paragraph para 2: The Group recalled paragraph 3 of its previous report.',
  ]);
  assert.deepEqual(codes(r), []);
});

test('paragraphs numbered 1), 2), 3) across the whole document are numbered paragraphs; a list stays a list', () => {
  const r = parse(
    [
      'I. Introduction',
      '1) Le Groupe a tenu trois séances au cours de la période considérée.',
      '2) Il a examiné les propositions des États.',
      'II. Recommandations',
      '3) Le Groupe recommande ce qui suit :',
      '1) renforcer la coopération;',
      '2) publier les travaux.',
      '4) Le Groupe a adopté son rapport.',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => `${b.kind} ${b.address}`),
    [
      'heading §I',
      'paragraph para 1',
      'paragraph para 2',
      'heading §II',
      'paragraph para 3',
      'list_item para 3 •1',
      'list_item para 3 •2',
      'paragraph para 4',
    ],
  );
  const list = parse(
    'Les mesures :\n\n1) Renforcer la coopération;\n2) Publier les travaux;\n3) Rendre compte.\n',
  );
  assert.deepEqual(
    list.blocks.map((b) => b.kind),
    ['paragraph', 'list_item', 'list_item', 'list_item'],
  );
});
