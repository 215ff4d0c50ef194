import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stanceChart, wrapLabel, type ChartRow } from './stance-chart.ts';
import type { Stance } from './stances.schema.ts';

test('a long actor name is wrapped onto lines, not cut', () => {
  const name = 'Association for Progressive Communications and Friends of the Internet';
  const lines = wrapLabel(name, 30, 3);
  assert.ok(lines.length > 1);
  assert.ok(lines.every((l) => l.length <= 30));
  assert.equal(lines.join(' '), name);
  assert.deepEqual(wrapLabel('Brazil', 30, 3), ['Brazil']);
});

test('two stances of the same day are drawn side by side, not on top of each other', () => {
  const stance = (id: string, kind: Stance['stance']): Stance =>
    ({ id, stance: kind, saidOn: '2026-03-02', conceptSlug: 'x' }) as Stance;
  const row: ChartRow = {
    key: 'a',
    label: 'A',
    group: 'government',
    stances: [stance('1', 'supports'), stance('2', 'neutral')],
  };
  for (const rtl of [false, true]) {
    const svg = String(
      stanceChart([row], {
        rtl,
        title: 't',
        description: 'd',
        legend: { supports: 's', opposes: 'o', conditional: 'c', neutral: 'n' },
        markTitle: (_, s) => `mark ${s.id}`,
        formatDate: (d) => d,
        groupLabel: (g) => g,
      }),
    );
    const xs = [...svg.matchAll(/<title>mark \d<\/title><circle cx="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    assert.equal(xs.length, 2);
    assert.ok(Math.abs(xs[0]! - xs[1]!) >= 12, `marks ${xs.join(', ')} apart (rtl: ${rtl})`);
  }
});
