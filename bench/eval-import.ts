/**
 * npm run eval:import: generates the evaluation corpus (src/imports/eval), parses every rendering and
 * prints numbered-paragraph and footnote-link precision and recall, heading F1, text kept and warnings
 * on clean documents, per family, per format and overall, against the targets.
 * `--per-family N` sets the documents per family (default 4); `--show` lists the documents with warnings.
 */
import { FAMILIES, buildCorpus } from '../src/imports/eval/corpus.builder.ts';
import {
  evalFormats,
  evaluateCorpus,
  formatGroup,
  groupScores,
} from '../src/imports/eval/evaluate.builder.ts';
import { f1 } from '../src/imports/eval/score.ts';

const args = process.argv.slice(2);
const perFamily = Number(args[args.indexOf('--per-family') + 1]) || 4;
const started = performance.now();
const docs = buildCorpus(perFamily);
const parses = await evaluateCorpus(docs);
const seconds = (performance.now() - started) / 1000;

const languages = new Set(docs.map((d) => d.language));
console.log(
  `corpus: ${docs.length} documents in ${FAMILIES.length} families, ${languages.size} languages (${[...languages].join(', ')}), ${parses.length} parses (text, DOCX and PDF) in ${seconds.toFixed(1)} s`,
);
const byFamily = groupScores(parses, (p) => p.doc.family);
for (const [name, g] of byFamily) console.log(formatGroup(name, g));
for (const [name, g] of groupScores(parses, (p) => p.format))
  console.log(formatGroup(`format ${name}`, g));
const overall = groupScores(parses, () => 'overall').get('overall')!;
console.log(formatGroup('overall', overall));
console.log(`\nparagraph F1 / footnote-link F1 by family and format`);
const byFamilyFormat = groupScores(parses, (p) => `${p.doc.family}|${p.format}`);
console.log(['family'.padEnd(20), ...evalFormats.map((f) => f.padEnd(13))].join(' | '));
for (const family of byFamily.keys()) {
  const cells = evalFormats.map((format) => {
    const g = byFamilyFormat.get(`${family}|${format}`)!;
    return `${f1(g.paragraphs).toFixed(3)} / ${f1(g.footnoteLinks).toFixed(3)}`;
  });
  console.log([family.padEnd(20), ...cells].join(' | '));
}

const worstFamily = Math.min(
  ...[...byFamily.values(), ...byFamilyFormat.values()].flatMap((g) => [
    f1(g.paragraphs),
    f1(g.footnoteLinks),
  ]),
);
const met =
  f1(overall.paragraphs) >= 0.99 &&
  f1(overall.footnoteLinks) >= 0.98 &&
  worstFamily >= 0.95 &&
  overall.warningsOnClean === 0 &&
  seconds <= 60;
console.log(
  `targets (paragraph F1 ≥ 0.99, footnote-link F1 ≥ 0.98, no family below 0.95, no warnings on clean documents, ≤ 60 s): ${met ? 'met' : 'NOT met'} (lowest family F1 ${worstFamily.toFixed(3)})`,
);
if (args.includes('--show')) {
  for (const p of parses)
    if (p.doc.clean && p.result.warnings.length)
      console.log(
        `${p.doc.id}.${p.format}: ${p.result.warnings.map((w) => `${w.code}@${w.line}`).join(', ')}`,
      );
}
process.exitCode = met ? 0 : 1;
