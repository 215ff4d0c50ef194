import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAccounting } from './accounting.ts';
import type { ParsedBlock, ParseResult } from '../../documents/blocks.ts';
import { parseText } from './parse-text.ts';

const text = (s: string): ParseResult => {
  const r = parseText(s, { format: 'text' });
  assert.deepEqual(checkAccounting(s, r), { ok: true, missing: {}, extra: {} });
  return r;
};
const md = (s: string): ParseResult => {
  const r = parseText(s, { format: 'markdown' });
  assert.deepEqual(checkAccounting(s, r), { ok: true, missing: {}, extra: {} });
  return r;
};
const at = (r: ParseResult, address: string): ParsedBlock => {
  const b = r.blocks.find((x) => x.address === address);
  assert.ok(b, `no block at ${address}; have ${r.blocks.map((x) => x.address).join(', ')}`);
  return b;
};
const summary = (r: ParseResult): string[] =>
  r.blocks.map((b) => `${b.kind} ${b.address}: ${b.text}`);

test('a paragraph number alone on the line before its paragraph', () => {
  const r = text(
    '37. The Group met twice.\n\n38.\nThe Group recommends\nthat States act.\n\n39\nThe Chair closed the session.\n',
  );
  assert.deepEqual(summary(r), [
    'paragraph para 37: The Group met twice.',
    'paragraph para 38: The Group recommends that States act.',
    'paragraph para 39: The Chair closed the session.',
  ]);
  assert.equal(at(r, 'para 38').number, '38');
  assert.equal(at(r, 'para 38').label, '38.');
  assert.equal(at(r, 'para 39').label, '39');
});

test('section heading "2. Background" versus numbered paragraph "2. The Group…"', () => {
  const r = text(
    [
      '1. Introduction',
      '1. The Group was established by resolution 73/27.',
      '2. The Group held four sessions in Geneva.',
      '',
      '2. Background',
      '3. The Group reviewed existing norms.',
    ].join('\n'),
  );
  assert.deepEqual(summary(r), [
    'heading §1: Introduction',
    'paragraph para 1: The Group was established by resolution 73/27.',
    'paragraph para 2: The Group held four sessions in Geneva.',
    'heading §2: Background',
    'paragraph para 3: The Group reviewed existing norms.',
  ]);
  assert.equal(at(r, '§2').number, '2');
  assert.equal(r.warnings.length, 0);
});

test('roman, letter and multi-level section headings; unnumbered paragraphs by section', () => {
  const r = text(
    'II. Scope of work\n\nThe Group considered threats.\n\nIt noted progress.\n\n3.1 Existing norms\n\nStates recalled the 2015 report.\n',
  );
  assert.equal(at(r, '§II').level, 1);
  assert.equal(at(r, '§II').text, 'Scope of work');
  assert.equal(at(r, '§II ¶2').text, 'It noted progress.');
  assert.equal(at(r, '§3.1').level, 2);
  assert.equal(at(r, '§3.1 ¶1').text, 'States recalled the 2015 report.');
});

test('sub-paragraphs (a), (b) and (i), (ii) nest under the numbered paragraph; (i) after (h) is a letter', () => {
  const lines = ['12. States should:', '(a) protect the public core;', '(b) refrain from:'];
  lines.push('(i) attacks on the DNS;', '(ii) attacks on routing;', '(c) cooperate;');
  for (const l of 'defgh') lines.push(`(${l}) item ${l};`);
  lines.push('(i) item i;', '(j) item j.');
  const r = text(lines.join('\n'));
  const p12 = at(r, 'para 12');
  const b = at(r, 'para 12(b)');
  assert.equal(b.parentKey, p12.key);
  assert.equal(b.number, 'b');
  assert.equal(b.level, 1);
  const ii = at(r, 'para 12(b)(ii)');
  assert.equal(ii.parentKey, b.key);
  assert.equal(ii.number, 'ii');
  assert.equal(ii.level, 2);
  assert.equal(ii.text, 'attacks on routing;');
  const i = at(r, 'para 12(i)');
  assert.equal(i.parentKey, p12.key);
  assert.equal(i.text, 'item i;');
  assert.equal(at(r, 'para 12(j)').level, 1);
});

test('hard-wrapped lines are joined; a short line ending a sentence ends the paragraph', () => {
  const body = [
    'The Open-ended Working Group on developments in the field of information and',
    'telecommunications in the context of international security met in Geneva and',
    'agreed on a report.',
    'A second paragraph starts here and continues over the usual width of the page',
    'until it ends.',
    'Another line that is long enough to be a wrapped line of this extracted text.',
    'Yet another line that is long enough to be a wrapped line of extracted text.',
  ];
  const r = text(body.join('\n'));
  assert.equal(r.blocks.length, 3);
  assert.equal(
    r.blocks[0]!.text,
    'The Open-ended Working Group on developments in the field of information and telecommunications in the context of international security met in Geneva and agreed on a report.',
  );
  assert.equal(r.blocks[0]!.address, '¶1');
  assert.match(r.blocks[1]!.text, /^A second paragraph .* until it ends\.$/);
  assert.equal(r.blocks[2]!.address, '¶3');
  assert.match(r.blocks[2]!.text, /of this extracted text\. Yet another line/);
});

test('CJK wrapped lines are joined without spaces; Chinese numbering', () => {
  const r = text(
    '一、背景\n\n1. 信息社会世界峰会是由联合国发起\n并主办的一个两阶段峰会。\n\n（一）范围\n\n2. 互联网治理多利益相关方模型\n是维护互联网开放性的基石。\n',
  );
  assert.equal(at(r, '§1').text, '背景');
  assert.equal(at(r, '§1').label, '一、');
  assert.equal(at(r, 'para 1').text, '信息社会世界峰会是由联合国发起并主办的一个两阶段峰会。');
  assert.equal(at(r, '§1').level, 1);
  assert.equal(at(r, 'para 2').text, '互联网治理多利益相关方模型是维护互联网开放性的基石。');
  const sub = at(r, '§1.1');
  assert.deepEqual(
    [sub.kind, sub.number, sub.label, sub.level, sub.text],
    ['heading', '1', '（一）', 2, '范围'],
  );
});

test('each footnote marker style is taken out of the text and linked', () => {
  const src = [
    '1. Alpha<sup>1</sup> beta[2] gamma[^3] delta⁴ epsilon[footnoteRef:5] end.',
    '2. The system.6 The OECE7 began its work.',
    '',
    '1 First note.',
    '[2] Second note.',
    '[^3]: Third note.',
    '⁴ Fourth note.',
    '<sup>5</sup> Fifth note.',
    '6 Sixth note.',
    '7 Seventh note.',
  ].join('\n');
  const r = text(src);
  const p1 = at(r, 'para 1');
  assert.equal(p1.text, 'Alpha beta gamma delta epsilon end.');
  assert.deepEqual(
    p1.footnoteRefs.map((f) => [f.marker, f.offset, f.footnoteKey === at(r, `fn ${f.marker}`).key]),
    [
      ['1', 5, true],
      ['2', 10, true],
      ['3', 16, true],
      ['4', 22, true],
      ['5', 30, true],
    ],
  );
  const p2 = at(r, 'para 2');
  assert.equal(p2.text, 'The system. The OECE began its work.');
  assert.deepEqual(
    p2.footnoteRefs.map((f) => [f.marker, f.offset]),
    [
      ['6', 11],
      ['7', 20],
    ],
  );
  assert.equal(at(r, 'fn 4').text, 'Fourth note.');
  assert.equal(at(r, 'fn 4').label, '⁴');
  assert.equal(at(r, 'fn 3').label, '[^3]:');
  assert.equal(r.warnings.length, 0);
  assert.ok(r.removed.some((x) => x.reason === 'markup' && x.text === '<sup></sup>'));
});

test('glued numbers without a footnote are left in the text with a warning only when doubtful', () => {
  const r = text('During COVID19, the group met in 2020.1 It used IPv6.\n\n1 A note.\n');
  const p = r.blocks[0]!;
  assert.equal(p.text, 'During COVID19, the group met in 2020. It used IPv6.');
  assert.deepEqual(
    p.footnoteRefs.map((f) => f.marker),
    ['1'],
  );
  const r2 = text('The G20 met.1 Then the G7 met.2\n\n1 Note one.\n2 Note two.\n20 Twenty.\n');
  assert.equal(r2.blocks[0]!.text, 'The G20 met. Then the G7 met.');
  assert.deepEqual(
    r2.blocks[0]!.footnoteRefs.map((f) => f.marker),
    ['1', '2'],
  );
  const r3 = text('1. Alpha beta.3 Gamma.\n\n3 A note.\n\nDuring COVID3, nothing.\n');
  assert.equal(r3.blocks[0]!.footnoteRefs.length, 1);
  assert.ok(r3.warnings.every((w) => w.code !== 'FOOTNOTE_MARKER_UNCERTAIN'));
  const r4 = text('1. The year.1 Then COVID2 struck.3\n\n1 One.\n2 Two.\n3 Three.\n');
  assert.deepEqual(
    r4.blocks[0]!.footnoteRefs.map((f) => f.marker),
    ['1', '2', '3'],
  );
});

test('markers without footnotes and footnotes without markers are warned about', () => {
  const r = text(
    '1. A claim<sup>1</sup> and another[2].\n\n2 An orphan note.\n3 Another orphan.\n',
  );
  const p = at(r, 'para 1');
  assert.equal(p.footnoteRefs[0]!.footnoteKey, null);
  assert.equal(p.footnoteRefs[1]!.footnoteKey, at(r, 'fn 2').key);
  assert.ok(r.warnings.some((w) => w.code === 'FOOTNOTE_NOT_FOUND' && /marker 1/.test(w.message)));
  assert.ok(
    r.warnings.some((w) => w.code === 'FOOTNOTE_UNREFERENCED' && /Footnote 3/.test(w.message)),
  );
});

test('footnote text mid-text, including a number alone on its line, and the paragraph continues after', () => {
  const src = [
    'Monitoring the discussions is part of how the organization supports the global,',
    'single, interoperable Internet and its unique identifier system.1 In our previous',
    'paper we described the processes at the United Nations.2 The paper is about the',
    '',
    '1 See the operating plan, page 47.',
    '2',
    'This paper is part of a series.',
    '',
    'Report | July 2020',
    '',
    '|1',
    '',
    'Report | July 2020',
    '',
    'updates on the working groups and the committee.',
  ].join('\n');
  const r = text(src);
  assert.deepEqual(
    r.blocks.map((b) => b.kind),
    ['paragraph', 'footnote', 'footnote'],
  );
  assert.match(
    r.blocks[0]!.text,
    /system\. In our .* Nations\. The paper is about the updates on the working groups and the committee\.$/,
  );
  assert.equal(at(r, 'fn 2').text, 'This paper is part of a series.');
  assert.equal(
    r.blocks[0]!.footnoteRefs.every((f) => f.footnoteKey !== null),
    true,
  );
  assert.deepEqual(
    r.removed.filter((x) => x.reason !== 'markup').map((x) => [x.reason, x.text]),
    [
      ['page_number', '|1'],
      ['page_footer', 'Report | July 2020'],
      ['page_header', 'Report | July 2020'],
    ],
  );
});

test('tables of contents are removed: dotted leaders, tab + number, titles then a column of numbers', () => {
  const dotted = text(
    'Contents\nIntroduction ........ 3\nBackground ........ 4\nScope . . . . . 5\n\nIntroduction\n\nThe text begins here.\n',
  );
  assert.deepEqual(summary(dotted), [
    'heading §1: Introduction',
    'paragraph §1 ¶1: The text begins here.',
  ]);
  assert.equal(dotted.removed.filter((x) => x.reason === 'table_of_contents').length, 4);

  const tab = text(
    '目录\n\n简介\t3\n背景介绍\t3\n结语\t6\n\n简介\n\n本文档提供相关背景信息。\n\n背景介绍\n\n信息社会世界峰会。\n',
  );
  assert.deepEqual(summary(tab), [
    'heading §1: 简介',
    'paragraph §1 ¶1: 本文档提供相关背景信息。',
    'heading §2: 背景介绍',
    'paragraph §2 ¶1: 信息社会世界峰会。',
  ]);

  const column = text(
    'TABLE OF CONTENTS\nForeword\nUpdates on the groups\nNext steps\n\nHeader | 2020\n\n3\n4\n9\n\n|2\n\nHeader | 2020\n\nForeword\nThis paper provides an update.\n\nNext steps\nThe team will follow the work.\n',
  );
  assert.deepEqual(summary(column), [
    'heading §1: Foreword',
    'paragraph §1 ¶1: This paper provides an update.',
    'heading §2: Next steps',
    'paragraph §2 ¶1: The team will follow the work.',
  ]);
  assert.deepEqual(
    column.removed.filter((x) => x.reason === 'table_of_contents').map((x) => x.text),
    ['TABLE OF CONTENTS', 'Foreword', 'Updates on the groups', 'Next steps', '3', '4', '9'],
  );
});

test('repeated page headers, footers and page-number lines are removed with a reason', () => {
  const pages: string[] = [];
  for (let p = 1; p <= 4; p++) {
    pages.push(
      'A/AC.290/2021/CRP.2',
      '',
      `${p}. Paragraph number ${p} of the draft.`,
      '',
      `- ${p} -`,
      '',
    );
  }
  pages.push('Page 5 of 5');
  const r = text(pages.join('\n'));
  assert.deepEqual(
    r.blocks.map((b) => b.address),
    ['para 1', 'para 2', 'para 3', 'para 4'],
  );
  assert.equal(r.removed.filter((x) => x.reason === 'page_header').length, 4);
  assert.equal(r.removed.filter((x) => x.reason === 'page_number').length, 5);
});

test('field codes and bookmarks are removed', () => {
  const src =
    '5. See { HYPERLINK "https://un.org/x" }the report{ PAGEREF _Toc123456 \\h } and _Toc98765 the annex \\* MERGEFORMAT[bookmark: _GoBack] _Hlk4455 now.';
  const r = text(src);
  assert.equal(at(r, 'para 5').text, 'See the report and the annex now.');
  assert.deepEqual(
    r.removed.map((x) => x.reason),
    ['field_code', 'field_code', 'bookmark', 'field_code', 'bookmark', 'bookmark'],
  );
});

test('U+FFFD removed with a warning counting them; zero-width and soft hyphens removed as other', () => {
  const r = text('1. Inform\uFFFDation society\uFFFD and gover\u00ADnance\u200B.');
  assert.equal(at(r, 'para 1').text, 'Information society and governance.');
  const w = r.warnings.find((x) => x.code === 'REPLACEMENT_CHARACTERS');
  assert.match(w!.message, /^2 replacement/);
  assert.equal(r.removed.filter((x) => x.reason === 'replacement_character').length, 2);
  assert.equal(r.removed.filter((x) => x.reason === 'other').length, 2);
});

test('list items: bullets, nesting and addresses under the introducing paragraph', () => {
  const r = text(
    'Introduction\n\nThe stakeholders should:\n\n- support dialogue;\n  - in Geneva;\n- follow the work.\n\n• another list\n',
  );
  assert.deepEqual(summary(r), [
    'heading §1: Introduction',
    'paragraph §1 ¶1: The stakeholders should:',
    'list_item §1 ¶1 •1: support dialogue;',
    'list_item §1 ¶1 •1.1: in Geneva;',
    'list_item §1 ¶1 •2: follow the work.',
    'list_item §1 ¶1 •3: another list',
  ]);
  assert.equal(at(r, '§1 ¶1 •1.1').parentKey, at(r, '§1 ¶1 •1').key);
  assert.equal(at(r, '§1 ¶1 •1.1').level, 2);
});

test('markdown: headings, pipe tables, footnote definitions, emphasis', () => {
  const r = md(
    '# Report of the Group\n\n## 1. Introduction\n\nThe **Group** met[^1].\n\n| State | Vote |\n| --- | --- |\n| Brazil | yes |\n\n[^1]: In Geneva.\n',
  );
  assert.equal(r.title, 'Report of the Group');
  assert.equal(at(r, '§1').text, 'Introduction');
  assert.equal(at(r, '§1').level, 2);
  assert.equal(at(r, '§1 ¶1').text, 'The Group met.');
  assert.equal(at(r, '§1 ¶1').footnoteRefs[0]!.footnoteKey, at(r, 'fn 1').key);
  assert.deepEqual(at(r, 'table 1').rows, [
    ['State', 'Vote'],
    ['Brazil', 'yes'],
  ]);
});

test('tab-separated rows form a table', () => {
  const r = text('Members\n\nState\tGroup\tSeats\nBrazil\tGRULAC\t2\nKenya\tAfrican\t1\n');
  assert.deepEqual(at(r, 'table 1').rows, [
    ['State', 'Group', 'Seats'],
    ['Brazil', 'GRULAC', '2'],
    ['Kenya', 'African', '1'],
  ]);
});

test('Arabic: ordinal section headings, abjad sub-paragraphs, Arabic-Indic paragraph numbers', () => {
  const r = text(
    [
      'أولاً - عرض عام',
      '1. تنظر اللجنة في المسائل التالية:',
      '(أ) أمن الشبكات؛',
      '(ب) حماية البيانات؛',
      '(ج) بناء القدرات.',
      '2. تعقد اللجنة دورتها في نيويورك.',
      'ثانيا– المسائل الأخرى',
      '٣. تقرر اللجنة مواصلة النظر في المسألة.',
      'حادي عشر - أحكام ختامية',
      '١٢ - تعتمد اللجنة هذا التقرير.',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => [b.kind, b.address, b.number, b.label]),
    [
      ['heading', '§1', '1', 'أولاً -'],
      ['paragraph', 'para 1', '1', '1.'],
      ['paragraph', 'para 1(أ)', 'أ', '(أ)'],
      ['paragraph', 'para 1(ب)', 'ب', '(ب)'],
      ['paragraph', 'para 1(ج)', 'ج', '(ج)'],
      ['paragraph', 'para 2', '2', '2.'],
      ['heading', '§2', '2', 'ثانيا–'],
      ['paragraph', 'para 3', '3', '٣.'],
      ['heading', '§11', '11', 'حادي عشر -'],
      ['paragraph', 'para 12', '12', '١٢ -'],
    ],
  );
  assert.equal(at(r, '§2').text, 'المسائل الأخرى');
  assert.equal(at(r, 'para 1(ب)').parentKey, at(r, 'para 1').key);
  assert.equal(at(r, 'para 1(ب)').text, 'حماية البيانات؛');
});

test('Chinese: 一、 headings, （一） sub-items under a numbered paragraph, full-width labels', () => {
  const r = text(
    [
      '一、引言',
      '1．委员会审议了下列问题：',
      '（一）网络安全；',
      '（二）数据保护。',
      '2. 委员会还讨论了：',
      '（a）能力建设；',
      '（b）技术援助。',
      '二、背景',
      '（一）历史沿革',
      '3. 委员会于2019年设立。',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => [b.kind, b.address, b.number, b.label, b.level]),
    [
      ['heading', '§1', '1', '一、', 1],
      ['paragraph', 'para 1', '1', '1．', null],
      ['paragraph', 'para 1(一)', '一', '（一）', 1],
      ['paragraph', 'para 1(二)', '二', '（二）', 1],
      ['paragraph', 'para 2', '2', '2.', null],
      ['paragraph', 'para 2(a)', 'a', '（a）', 1],
      ['paragraph', 'para 2(b)', 'b', '（b）', 1],
      ['heading', '§2', '2', '二、', 1],
      ['heading', '§2.1', '1', '（一）', 2],
      ['paragraph', 'para 3', '3', '3.', null],
    ],
  );
  assert.equal(at(r, 'para 1').text, '委员会审议了下列问题：');
  assert.equal(at(r, 'para 1(二)').parentKey, at(r, 'para 1').key);
  assert.equal(at(r, '§2.1').text, '历史沿革');
});

test('an unnumbered title before numbered sections is §0 (several: §0.1, §0.2), not a second §1', () => {
  const one = text('会议文件\n\n1. 目的\n1. 本文件说明背景。\n2. 后续步骤\n2. 欢迎提出意见。\n');
  assert.deepEqual(
    one.blocks.filter((b) => b.kind === 'heading').map((b) => [b.address, b.text]),
    [
      ['§0', '会议文件'],
      ['§1', '目的'],
      ['§2', '后续步骤'],
    ],
  );
  assert.equal(one.warnings.length, 0);
  const two = text(
    'Draft report\nStability of the core\nThis text is written for a test.\n\nI. Introduction\n\n1. The Committee met.\n',
  );
  assert.deepEqual(
    two.blocks.filter((b) => b.kind === 'heading').map((b) => b.address),
    ['§0.1', '§0.2', '§I'],
  );
});

test('French: roman headings, a) b) sub-paragraphs, spaces before ; : and inside « »', () => {
  const r = text(
    [
      'I. Introduction',
      '1. Le Comité a examiné les menaces suivantes :',
      'a) les attaques contre les réseaux ;',
      'b) la désinformation ;',
      'c) la criminalité.',
      '2. Le Comité a déclaré : « La coopération est essentielle. »',
      'II. Travaux futurs',
      '3. Le Comité se réunira de nouveau en 2027.',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => `${b.kind} ${b.address} ${b.label}`),
    [
      'heading §I I.',
      'paragraph para 1 1.',
      'paragraph para 1(a) a)',
      'paragraph para 1(b) b)',
      'paragraph para 1(c) c)',
      'paragraph para 2 2.',
      'heading §II II.',
      'paragraph para 3 3.',
    ],
  );
  assert.equal(at(r, 'para 1(b)').parentKey, at(r, 'para 1').key);
  assert.equal(at(r, 'para 1(a)').text, 'les attaques contre les réseaux ;');
  assert.equal(r.warnings.length, 0);
});

test('Spanish: roman headings and a) b) sub-paragraphs', () => {
  const r = text(
    [
      'I. Introducción',
      '1. El Comité examinó las siguientes cuestiones:',
      'a) la seguridad de las redes;',
      'b) la protección de datos.',
      'II. Antecedentes',
      '2. El Comité fue establecido en 2019.',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => `${b.kind} ${b.address} ${b.number}`),
    [
      'heading §I I',
      'paragraph para 1 1',
      'paragraph para 1(a) a',
      'paragraph para 1(b) b',
      'heading §II II',
      'paragraph para 2 2',
    ],
  );
  assert.equal(at(r, '§II').text, 'Antecedentes');
});

test('Russian: roman headings and Cyrillic а) б) в) sub-paragraphs', () => {
  const r = text(
    [
      'I. Введение',
      '1. Комитет рассмотрел следующие вопросы:',
      'а) безопасность сетей;',
      'б) защита данных;',
      'в) укрепление потенциала.',
      'II. Будущая работа',
      '2. Комитет соберется вновь в 2027 году.',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => `${b.kind} ${b.address} ${b.label}`),
    [
      'heading §I I.',
      'paragraph para 1 1.',
      'paragraph para 1(а) а)',
      'paragraph para 1(б) б)',
      'paragraph para 1(в) в)',
      'heading §II II.',
      'paragraph para 2 2.',
    ],
  );
  assert.equal(at(r, 'para 1(в)').parentKey, at(r, 'para 1').key);
  assert.equal(at(r, 'para 1(б)').text, 'защита данных;');
});

test('a short last line with a glued marker ("Internet.3") repeated on several pages is not a page header', () => {
  const para = (n: number): string[] => [
    `${n}. The working group recognizes the stability of the public core of the global`,
    `Internet and the cooperation of all ${n + 1} stakeholders in routing, naming and the`,
    `Internet.${n}`,
  ];
  const src = [...para(1), ...para(2), ...para(3), '', '1 One.', '2 Two.', '3 Three.'].join('\n');
  const r = text(src);
  assert.deepEqual(
    r.blocks
      .filter((b) => b.number && b.kind === 'paragraph')
      .map((b) => b.footnoteRefs[0]?.marker),
    ['1', '2', '3'],
  );
  assert.ok(r.blocks.every((b) => b.footnoteRefs.every((f) => f.footnoteKey !== null)));
  assert.equal(r.removed.length, 0);
});

test('a long heading line that ended early (the next word would have fitted) is a heading', () => {
  const src = [
    'The working group published the comments it received on the draft report, and it',
    'quoted some of them in this paper because they concern the public core of the',
    'Internet and the unique identifier systems that the organization coordinates.',
    '',
    'Comments by some member states (in alphabetical order) on the draft',
    'Brazil: “The infrastructures underpinning electoral processes also deserve the',
    'same protection as the public core of the Internet (paragraph 38).”',
    'China: “Attention should be drawn to avoid introducing concepts that have not',
    'gained global consensus yet into the report.”',
  ].join('\n');
  const r = text(src);
  assert.deepEqual(
    r.blocks.map((b) => `${b.kind} ${b.address} ${b.text.slice(0, 20)}`),
    [
      'paragraph ¶1 The working group pu',
      'heading §1 Comments by some mem',
      'paragraph §1 ¶1 Brazil: “The infrast',
      'paragraph §1 ¶2 China: “Attention sh',
    ],
  );
});

test('footnote text whose number was displaced is taken as the missing footnote before the next one', () => {
  const src = [
    'Monitoring the discussions is part of how the organization supports the global,',
    'single, interoperable Internet and its unique identifier system.1 In our previous',
    'paper we described the processes at the United Nations.2',
    '',
    'As explained in our five year operating and financial plan, page 47: “Monitor legislation,',
    'regulation, norms and principles that may impact the mission of the organization”',
    '2 This paper is part of a series published since February 2020.',
    '1',
  ].join('\n');
  const r = text(src);
  assert.deepEqual(
    r.blocks.map((b) => `${b.kind} ${b.address}`),
    ['paragraph ¶1', 'footnote fn 1', 'footnote fn 2'],
  );
  assert.match(
    at(r, 'fn 1').text,
    /^As explained in our five year operating and financial plan, page 47/,
  );
  assert.ok(at(r, '¶1').footnoteRefs.every((f) => f.footnoteKey !== null));
  assert.ok(r.warnings.some((w) => w.code === 'FOOTNOTE_NUMBER_MISSING'));
});

test('demo documents: the Arabic pre-draft and the Chinese non-paper parse completely', async () => {
  const { readFile } = await import('node:fs/promises');
  const read = (name: string): Promise<string> =>
    readFile(new URL(`../../demo/documents/${name}`, import.meta.url), 'utf8');
  const count = (r: ParseResult): Record<string, unknown> => ({
    paras: r.blocks.filter((b) => b.kind === 'paragraph' && b.number && !b.parentKey).length,
    subs: r.blocks.filter((b) => b.parentKey).map((b) => b.address),
    sections: r.blocks.filter((b) => b.kind === 'heading' && b.number).map((b) => b.address),
    linked: r.blocks.flatMap((b) => b.footnoteRefs).filter((f) => f.footnoteKey).length,
    warnings: r.warnings.length,
  });
  const ar = text(await read('oewg-pre-draft.ar.txt'));
  const abc = ['أ', 'ب', 'ج'];
  assert.deepEqual(count(ar), {
    paras: 12,
    subs: [...abc.map((x) => `para 4(${x})`), ...abc.map((x) => `para 9(${x})`)],
    sections: ['§1', '§2', '§3', '§4'],
    linked: 4,
    warnings: 0,
  });
  const zh = text(await read('ahc-non-paper.zh.txt'));
  assert.deepEqual(count(zh), {
    paras: 5,
    subs: ['para 3(a)', 'para 3(b)', 'para 3(c)'],
    sections: ['§1', '§2', '§3'],
    linked: 2,
    warnings: 0,
  });
  assert.equal(zh.blocks[0]!.address, '§0');
});

test('bench draft: all 300 glued footnote markers are linked', async () => {
  const { generateDraftText } = await import('../../../bench/generate.ts');
  const r = text(generateDraftText(1000, 300));
  const refs = r.blocks.flatMap((b) => b.footnoteRefs);
  assert.equal(refs.length, 300);
  assert.ok(refs.every((f) => f.footnoteKey !== null));
  assert.equal(r.blocks.filter((b) => b.kind === 'paragraph' && b.number).length, 1000);
});

test('markdown inline markup: emphasis, links, images, code, autolinks, escapes, breaks and HTML go to removed', () => {
  const r = md(
    [
      '# The *Working* Group',
      '',
      'The Group met in *Geneva*, _twice_, with **all** __members__ and ***observers***.',
      'See [the report](https://example.org/report_2026 "The report") and [the annex][annex],',
      'the ![chart of votes](img/votes.png) and `rule_57` at <https://example.org/a_b>.',
      '',
      'Escapes \\(a\\), \\*not emphasis\\*, \\[not a link\\] and \\_x\\_ stay as characters.\\',
      'A <span class="note">wrapped</span> line<br>after a break, with a marker.<sup>1</sup>',
      '',
      '*An emphasis wrapped over',
      'two lines.*',
      '',
      '[annex]: https://example.org/annex "Annex"',
      '',
      '[^1]: The <em>footnote</em> text.',
    ].join('\n'),
  );
  assert.equal(r.title, 'The Working Group');
  assert.deepEqual(summary(r), [
    'heading §1: The Working Group',
    'paragraph §1 ¶1: The Group met in Geneva, twice, with all members and observers. See the report and the annex, the chart of votes and rule_57 at https://example.org/a_b.',
    'paragraph §1 ¶2: Escapes (a), *not emphasis*, [not a link] and _x_ stay as characters. A wrapped line after a break, with a marker.',
    'paragraph §1 ¶3: An emphasis wrapped over two lines.',
    'footnote fn 1: The footnote text.',
  ]);
  assert.equal(at(r, '§1 ¶2').footnoteRefs[0]!.footnoteKey, at(r, 'fn 1').key);
  const markup = r.removed.filter((x) => x.reason === 'markup').map((x) => `${x.line}:${x.text}`);
  for (const piece of [
    '3:*',
    '3:_',
    '3:**',
    '3:__',
    '3:***',
    '4:](https://example.org/report_2026 "The report")',
    '4:][annex]',
    '5:![',
    '5:](img/votes.png)',
    '5:`',
    '5:<',
    '7:\\',
    '8:<span class="note">',
    '8:<br>',
    '10:*',
    '11:*',
    '13:[annex]: https://example.org/annex "Annex"',
    '15:<em>',
  ])
    assert.ok(markup.includes(piece), `${piece} not in ${markup.join(' ')}`);
});

test('markdown: intra-word underscores, bullets, lone asterisks, footnotes and table pipes are left alone', () => {
  const r = md(
    [
      'The field snake_case_name and 5 * 3 and Member States* keep their characters.[^1]',
      '',
      '* first *item*',
      '* second item',
      '',
      '| Rule | *Note* |',
      '| --- | --- |',
      '| a\\|b | [x](y) |',
      '',
      '[^1]: A note.',
    ].join('\n'),
  );
  assert.deepEqual(summary(r), [
    'paragraph ¶1: The field snake_case_name and 5 * 3 and Member States* keep their characters.',
    'list_item ¶1 •1: first item',
    'list_item ¶1 •2: second item',
    'table table 1: Rule | Note\na|b | x',
    'footnote fn 1: A note.',
  ]);
  assert.deepEqual(at(r, 'table 1').rows, [
    ['Rule', 'Note'],
    ['a|b', 'x'],
  ]);
  assert.equal(at(r, '¶1 •1').label, '*');
  assert.equal(at(r, '¶1').footnoteRefs[0]!.footnoteKey, at(r, 'fn 1').key);
});

test('extracted text: only full [label](target) links lose their markup', () => {
  const r = text(
    [
      '会议并发布了一份[成果文件](#)，并回顾了[《突尼斯议程 \\(Tunis Agenda\\)》](#)。',
      '',
      'See [the report](https://example.org/r_1) and [the guide](docs/guide.md).',
      '',
      'Left alone: [a note] (here), [two words](a b), *stars* and \\(escapes\\).',
    ].join('\n'),
  );
  assert.deepEqual(
    r.blocks.map((b) => b.text),
    [
      '会议并发布了一份成果文件，并回顾了《突尼斯议程 (Tunis Agenda)》。',
      'See the report and the guide.',
      'Left alone: [a note] (here), [two words](a b), *stars* and \\(escapes\\).',
    ],
  );
  assert.deepEqual(
    r.removed.filter((x) => x.reason === 'markup').map((x) => x.text),
    [
      '[',
      '](#)',
      '[',
      '\\',
      '\\',
      '](#)',
      '[',
      '](https://example.org/r_1)',
      '[',
      '](docs/guide.md)',
    ],
  );
});

test('demo Markdown documents: no markup left in block text, paragraphs 1–11 and 1–5', async () => {
  const { readFile } = await import('node:fs/promises');
  const read = (name: string): Promise<string> =>
    readFile(new URL(`../../demo/documents/${name}`, import.meta.url), 'utf8');
  const numbers = (r: ParseResult): string[] =>
    r.blocks
      .filter((b) => b.kind === 'paragraph' && b.number && !b.parentKey)
      .map((b) => b.number!);
  const range = (n: number): string[] => Array.from({ length: n }, (_x, k) => String(k + 1));
  for (const [name, count, title] of [
    [
      'oewg-rev1.en.md',
      11,
      'Illustrative revised draft: stability of the public core of the Internet',
    ],
    [
      'ahc-non-paper.en.md',
      5,
      'Illustrative non-paper on technical assistance and capacity-building',
    ],
  ] as const) {
    const r = md(await read(name));
    for (const b of r.blocks) {
      const texts = b.rows ? b.rows.flat() : [b.text];
      for (const t of texts) assert.doesNotMatch(t, /[*[]|\]\(/, `${name} ${b.address}: ${t}`);
    }
    assert.deepEqual(numbers(r), range(count), name);
    assert.match(at(r, '§0 ¶1').text, /^Written for the plenum demonstration\./);
    assert.equal(r.title, title);
    assert.deepEqual(r.warnings, []);
  }
});

test('title: symbol, date and code lines are skipped; generic section names are never the title', async () => {
  const { readFile } = await import('node:fs/promises');
  const predraft = await readFile(
    new URL('../../demo/documents/oewg-pre-draft.en.txt', import.meta.url),
    'utf8',
  );
  // the title and subtitle are separate front-matter headings: not joined
  assert.equal(text(predraft).title, 'Illustrative pre-draft');

  const cover = text(
    [
      'United Nations Update:',
      'Cyber-Related',
      'Discussions',
      'Government and Intergovernmental Organization Engagement Team',
      '',
      'Alex Morgan',
      'GE-005',
      '14 March 2026',
      '',
      'Foreword',
      '',
      'This briefing summarises the discussions on information and communications technologies',
      'in the United Nations for readers who follow them from outside the conference rooms. It was',
      'written for a demonstration and describes no real negotiation.',
      '',
      '1. Introduction',
      '',
      '1. The working group met three times in the period covered by this briefing.',
    ].join('\n'),
  );
  assert.equal(cover.title, 'United Nations Update: Cyber-Related Discussions');

  assert.equal(
    text(
      'GE-005\nDEMO/OEWG/2026/1\n14 March 2026\n\nAnnual report of the\nworking group\n\nIntroduction\n\nThe text.\n',
    ).title,
    'Annual report of the working group',
  );
  assert.equal(
    text(
      'DEMO/OEWG/2026/1\n\nBy Alex Morgan\n\nA Short History of Norms\n\n1. The first paragraph.\n',
    ).title,
    'A Short History of Norms',
  );
  assert.equal(
    text('Foreword\n\nThe foreword. It has two sentences.\n\n1. The text.\n').title,
    null,
  );
  assert.equal(text('目录\n\n简介\n\n一、目的\n\n1. 本文件。\n').title, null);
  // a date line is not section 14: with the symbol above it, it is the cover (front matter)
  assert.equal(
    summary(text('DEMO/OEWG/2026/1\n14 March 2026\n\nThe text.\n'))[1],
    'paragraph front ¶2: 14 March 2026',
  );
});

test('title: a Markdown # heading is preferred over front-matter paragraphs and subheadings', () => {
  const r = md(
    [
      'DEMO/WG/2026/3',
      '',
      '*Draft — not for citation*',
      '',
      '## Note by the Secretariat',
      '',
      '# Report of the *demo* working group',
      '',
      '## Contents',
      '',
      '## 1. Introduction',
      '',
      '1. The group met.',
    ].join('\n'),
  );
  assert.equal(r.title, 'Report of the demo working group');
});
