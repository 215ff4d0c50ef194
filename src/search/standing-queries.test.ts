import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { StandingQueries } from './standing-queries.ts';

describe('standing queries', () => {
  test('a watch matches a passage with all its words, in any order and form', () => {
    const q = new StandingQueries<number>();
    q.addText(1, 'root servers');
    q.addText(2, 'root zone');
    q.addText(3, '"public core"');
    assert.deepEqual(q.match('The operators of the root server system met.'), [1]);
    assert.deepEqual(q.match('Servers at the root: a zone of trust.').toSorted(), [1, 2]);
    assert.deepEqual(
      q.match('The core is public.'),
      [],
      'a quoted phrase needs its words together',
    );
    assert.deepEqual(q.match('the public core'), [3]);
  });

  test('an id with several queries is returned once; remove takes them all away', () => {
    const q = new StandingQueries<string>();
    q.addPhrase('dns', 'domain name system');
    q.addPhrase('dns', '域名');
    assert.equal(q.size, 2);
    assert.deepEqual(q.match('the domain name system and 域名'), ['dns']);
    q.remove('dns');
    assert.equal(q.size, 0);
    assert.deepEqual(q.match('the domain name system and 域名'), []);
  });

  test('a query without any word is not filed', () => {
    const q = new StandingQueries<number>();
    assert.equal(q.addText(1, '  ?! '), false);
    assert.equal(q.size, 0);
  });

  test('Chinese: a watch on 核心 finds 公共核心; one on 公共核心 does not find them apart', () => {
    const q = new StandingQueries<string>();
    q.addText('core', '核心');
    q.addText('public-core', '公共核心');
    assert.deepEqual(q.match('互联网公共核心').toSorted(), ['core', 'public-core']);
    assert.deepEqual(q.match('公共政策的核心'), ['core']);
  });
});
