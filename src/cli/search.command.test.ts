import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SearchResult } from '../search/search.schema.ts';

let dir = '';
let db = '';

function plenum(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PLENUM_DEMO: 'off' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('plenum search', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-search-'));
    db = join(dir, 'plenum.sqlite');
    writeFileSync(
      join(dir, 'zh.txt'),
      '1. 各国不应损害互联网公共核心。\n\n2. 公共政策与核心问题。\n',
    );
    assert.equal(
      plenum(
        'process',
        'add',
        '--slug',
        'oewg',
        '--name',
        'Open-ended Working Group',
        '--parent-body',
        'UNGA',
        '--mandate',
        'ICT security',
        '--db',
        db,
      ).status,
      0,
    );
    const imported = plenum(
      'import',
      join(dir, 'zh.txt'),
      '--process',
      'oewg',
      '--symbol',
      'A/AC.290/2021/CRP.2',
      '--language',
      'zh',
      '--db',
      db,
    );
    assert.equal(imported.status, 0, imported.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the passages found with their address and the match in brackets', () => {
    const run = plenum('search', '公共核心', '--db', db);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^1 result found\n/);
    assert.match(
      run.stdout,
      /A\/AC\.290\/2021\/CRP\.2, para 1 \(\d{4}-\d{2}-\d{2}, zh\) \/documents\/[0-9a-f-]+\/v\/1\/zh#para-1\n {2}各国不应损害互联网\[公共核心\]。/,
    );
  });

  it('prints JSON with --json and applies filters', () => {
    const run = plenum('search', '核心', '--json', '--db', db);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as SearchResult;
    assert.equal(result.total, 2);
    const en = JSON.parse(
      plenum('search', '核心', '--language', 'en', '--json', '--db', db).stdout,
    ) as SearchResult;
    assert.equal(en.total, 0);
  });

  it('rebuilds the index with --reindex, reporting progress on stderr', () => {
    const run = plenum('search', '--reindex', '--db', db);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /indexed 1 language versions/);
    assert.match(run.stderr, /search index rebuilt in [\d.]+ s: 2 passages, \d+ postings/);
    assert.equal(JSON.parse(plenum('search', '核心', '--json', '--db', db).stdout).total, 2);
  });

  it('refuses an empty query and a missing one', () => {
    const empty = plenum('search', '...', '--json', '--db', db);
    assert.equal(empty.status, 1);
    assert.equal(JSON.parse(empty.stderr).error.code, 'SEARCH_QUERY_EMPTY');
    assert.equal(plenum('search', '--db', db).status, 2);
  });
});
