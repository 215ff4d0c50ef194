/**
 * Pass 3: tables of contents (dotted leaders, tab + number, a title then entries, titles then a column
 * of page numbers) are removed; their titles are kept to recognise the headings later.
 */
import { RE_BULLET } from './line-patterns.ts';
import { isLive, removeLine } from './lines.ts';
import type { Line } from './lines.ts';
import { expandMarkers, stripSentinels } from './parse-state.ts';
import type { ParseState } from './parse-state.ts';
import { normTitle } from './text-shape.ts';

const RE_TOC_TITLE =
  /^(?:table of contents|contents|content|toc|目\s*录|sommaire|table des matières|índice|indice|contenido|содержание|оглавление|المحتويات|الفهرس)$/i;
const RE_TOC_DOTTED = /^(.*?\S)\s*(?:\.{3,}|…+|(?:\.\s){3,}\.?|·{3,}|_{3,})\s*(\d{1,4})$/;
const RE_TOC_TAB = /^([^\t]*\S)\t+\s*(\d{1,4})$/;
const RE_TOC_SPACES = /^(.*?\S) {3,}(\d{1,4})$/;

function tocEntry(t: string): { title: string; page: number } | null {
  const m = RE_TOC_DOTTED.exec(t) ?? RE_TOC_TAB.exec(t) ?? RE_TOC_SPACES.exec(t);
  return m ? { title: m[1]!, page: +m[2]! } : null;
}

function isTitleOnly(t: string): boolean {
  return (
    t.length <= 100 &&
    !/^\d+$/.test(t) &&
    !/[.;:,。；：，]$/.test(stripSentinels(t)) &&
    !RE_BULLET.test(t) &&
    !RE_TOC_TITLE.test(t)
  );
}

/** Removes the tables of contents and returns the titles they list, normalised by `normTitle`. */
export function removeTablesOfContents(state: ParseState, lines: Line[]): Set<string> {
  const tocTitles = new Set<string>();
  const liveIdx: number[] = [];
  lines.forEach((L, i) => {
    if (isLive(L)) liveIdx.push(i);
  });
  for (let p = 0; p < liveIdx.length; p++) {
    const L = lines[liveIdx[p]!]!;
    if (L.removed) continue;
    if (RE_TOC_TITLE.test(L.text.replace(/:$/, ''))) {
      // a TOC title, then entries with or without page numbers
      const taken: Line[] = [L];
      let mode: 'paged' | 'titles' | null = null;
      let q = p + 1;
      let titlesOnly = 0;
      for (; q < liveIdx.length; q++) {
        const i = liveIdx[q]!;
        const E = lines[i]!;
        if (E.removed) continue;
        const blankBefore = lines[i - 1]?.text === '' || lines[i - 1]?.removed;
        const e = tocEntry(E.text);
        if (e && mode !== 'titles') {
          mode = 'paged';
          taken.push(E);
          tocTitles.add(normTitle(e.title));
          continue;
        }
        if (!e && isTitleOnly(E.text)) {
          if (mode === 'paged') {
            // a wrapped entry: a title line directly followed by a paged line
            const nx = lines[liveIdx[q + 1] ?? -1];
            if (nx && tocEntry(nx.text) && !blankBefore) {
              taken.push(E);
              continue;
            }
            break;
          }
          if (mode === 'titles' && blankBefore) break;
          mode = 'titles';
          taken.push(E);
          titlesOnly++;
          continue;
        }
        break;
      }
      if (taken.length < 2) continue;
      for (const E of taken) {
        if (mode === 'titles' && E !== L) tocTitles.add(normTitle(E.text));
        removeLine(state, E, 'table_of_contents');
      }
      if (mode === 'titles') {
        // two-line titles: also remember the joined pairs
        for (let k = 1; k + 1 < taken.length; k++) {
          tocTitles.add(
            normTitle(
              expandMarkers(state, taken[k]!.text) + ' ' + expandMarkers(state, taken[k + 1]!.text),
            ),
          );
        }
        // a column of page numbers after the titles
        let lastPage = 0;
        let n = 0;
        for (; q < liveIdx.length && n < titlesOnly; q++) {
          const E = lines[liveIdx[q]!]!;
          if (E.removed) continue;
          if (!/^\d{1,4}$/.test(E.text) || +E.text < lastPage) break;
          lastPage = +E.text;
          removeLine(state, E, 'table_of_contents');
          n++;
        }
      }
      p = q - 1;
      continue;
    }
    // entries with page numbers and no title: at least three in a row
    if (tocEntry(L.text)) {
      const run: Line[] = [];
      let lastPage = 0;
      let q = p;
      for (; q < liveIdx.length; q++) {
        const E = lines[liveIdx[q]!]!;
        if (E.removed) continue;
        const e = tocEntry(E.text);
        if (!e || e.page < lastPage || E.text.split('\t').length > 2) break;
        lastPage = e.page;
        run.push(E);
      }
      if (run.length >= 3) {
        for (const E of run) {
          tocTitles.add(normTitle(tocEntry(E.text)!.title));
          removeLine(state, E, 'table_of_contents');
        }
        p = q - 1;
      }
    }
  }
  return tocTitles;
}
