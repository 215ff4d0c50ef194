/** Test builders: processes and documents made by the project, never copied from elsewhere. */
import type { Db } from '../db/database.ts';
import type { NewProcess, Process } from '../processes/processes.schema.ts';
import { createProcess } from '../processes/processes.service.ts';

/** Creates a process with sensible defaults. */
export async function buildProcess(db: Db, overrides: Partial<NewProcess> = {}): Promise<Process> {
  return createProcess(db, {
    slug: 'test-wg',
    name: 'Test Working Group on Stability',
    shortName: 'TWG',
    parentBody: 'Test Assembly',
    mandate: 'A working group that exists only in tests.',
    aliases: ['The Test Group'],
    ...overrides,
  });
}

/**
 * A Markdown draft with `paragraphs` numbered paragraphs under headings of five, every third
 * paragraph with two sub-paragraphs, and a footnote on every fourth; the words vary with `word`.
 */
export function buildDraftMarkdown(paragraphs: number, word = 'stability'): string {
  const lines: string[] = ['# A draft report on the public core', ''];
  const notes: string[] = [];
  for (let n = 1; n <= paragraphs; n++) {
    if (n % 5 === 1) lines.push(`## Part ${Math.ceil(n / 5)}`, '');
    const note = n % 4 === 0 ? `[^${notes.length + 1}]` : '';
    lines.push(
      `${n}. Paragraph ${n} of the draft discusses the ${word} of the Internet and its unique identifier system.${note}`,
    );
    if (note)
      notes.push(`[^${notes.length + 1}]: Footnote ${notes.length + 1} explains paragraph ${n}.`);
    if (n % 3 === 0)
      lines.push(
        `   (a) the first element of paragraph ${n};`,
        `   (b) the second element of paragraph ${n}.`,
      );
    lines.push('');
  }
  return [...lines, ...notes, ''].join('\n');
}
