/**
 * The import evaluation corpus in the bench: generating and parsing the whole corpus (text, DOCX
 * and, when Debian's Chromium is there to print them, PDF renderings of every document) with its
 * scores, against the 60 s target.
 */
import { buildCorpus } from '../src/imports/eval/corpus.builder.ts';
import { existsSync } from 'node:fs';
import { evalFormats, evaluateCorpus, groupScores } from '../src/imports/eval/evaluate.builder.ts';
import { f1 } from '../src/imports/eval/score.ts';

/** Times the evaluation corpus and prints its overall scores. */
export async function benchEvalCorpus(): Promise<void> {
  const started = performance.now();
  const docs = buildCorpus();
  const formats = existsSync('/usr/bin/chromium')
    ? evalFormats
    : evalFormats.filter((f) => f !== 'pdf');
  const parses = await evaluateCorpus(docs, formats);
  const seconds = (performance.now() - started) / 1000;
  const overall = groupScores(parses, () => 'overall').get('overall')!;
  console.log(
    `import evaluation corpus: ${docs.length} documents, ${parses.length} parses (${formats.join(', ')}) in ${seconds.toFixed(1)} s; ` +
      `paragraph F1 ${f1(overall.paragraphs).toFixed(3)}, footnote-link F1 ${f1(overall.footnoteLinks).toFixed(3)}, ` +
      `warnings on clean documents ${overall.warningsOnClean}  [target ≤ 60 s; F1 ≥ 0.99 and ≥ 0.98; no warnings]`,
  );
}
