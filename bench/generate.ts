/** Generators of benchmark documents: long drafts as text comes out of a PDF, seeded and repeatable. */
import { prng } from '../src/imports/parser/messy-document.builder.ts';

const words = [
  'the',
  'working',
  'group',
  'recognizes',
  'stability',
  'public',
  'core',
  'Internet',
  'routing',
  'naming',
  'numbering',
  'States',
  'stakeholders',
  'norms',
  'capacity',
  'infrastructure',
  'security',
  'cooperation',
  'development',
  'governance',
  'multistakeholder',
  'resilience',
  'integrity',
  'availability',
];

/**
 * A plain-text draft with `paragraphs` numbered paragraphs under numbered sections, wrapped at
 * 80 columns, with a page header and page number every 40 lines and `footnotes` footnotes whose
 * markers are glued to words and whose texts come at the end.
 */
export function generateDraftText(paragraphs: number, footnotes: number, seed = 1): string {
  const random = prng(seed);
  const lines: string[] = ['DEMO/BENCH/1', 'Generated draft for benchmarks', ''];
  const every = Math.max(1, Math.floor(paragraphs / footnotes));
  let note = 0;
  let page = 1;
  const push = (line: string): void => {
    lines.push(line);
    if (lines.length % 40 === 0)
      lines.push('', 'Generated draft | DEMO/BENCH/1', '', `- ${page++} -`, '');
  };
  for (let n = 1; n <= paragraphs; n++) {
    if (n % 25 === 1)
      push(
        `${Math.ceil(n / 25)}. Section ${Math.ceil(n / 25)} on ${words[Math.floor(random() * words.length)]}`,
      );
    const length = 30 + Math.floor(random() * 50);
    const text: string[] = [];
    for (let w = 0; w < length; w++) text.push(words[Math.floor(random() * words.length)]!);
    let sentence = `${n}. ${text.join(' ')}.`;
    if (n % every === 0 && note < footnotes) sentence += String(++note);
    let line = '';
    for (const word of sentence.split(' ')) {
      if (line.length + word.length + 1 > 80) {
        push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    push(line);
  }
  push('');
  for (let f = 1; f <= note; f++)
    push(`${f} Footnote ${f}: see the record of the meeting and the documents cited there.`);
  return `${lines.join('\n')}\n`;
}
