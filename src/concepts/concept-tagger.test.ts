import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConceptTagger } from './concept-tagger.ts';
import { conceptSeeds } from './concepts.data.ts';

const tagger = new ConceptTagger(conceptSeeds);
const tags = (text: string): string[] => tagger.tag(text).toSorted();

describe('concept tagging', () => {
  test('every concept has a name in the six languages and a unique slug', () => {
    const slugs = conceptSeeds.map((c) => c.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    for (const c of conceptSeeds) {
      for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const)
        assert.ok(c.names[language].trim().length > 1, `${c.slug} has a ${language} name`);
      if (c.parent) assert.ok(slugs.includes(c.parent), `${c.slug}: parent ${c.parent} exists`);
    }
  });

  test('finds the public core and the DNS in English, whatever the case', () => {
    assert.deepEqual(
      tags(
        'States should not harm the general availability of the PUBLIC CORE of the Internet, including the Domain Name System.',
      ),
      ['dns', 'public-core'],
    );
  });

  test('a phrase must be whole: its words apart do not count', () => {
    assert.deepEqual(tags('The core of the matter is public: the Internet belongs to all.'), []);
  });

  test('French, Spanish and Russian, with accents and inflection', () => {
    assert.deepEqual(tags("La protection du noyau public de l'Internet et des serveurs racine."), [
      'public-core',
      'root-servers',
    ]);
    assert.deepEqual(tags('Las infraestructuras críticas y la brecha digital.'), [
      'critical-infrastructure',
      'wgig-development',
    ]);
    assert.deepEqual(
      tags('Защита критически важной инфраструктуры и многостороннего сотрудничества.'),
      ['critical-infrastructure', 'multilateral'],
    );
  });

  test('Chinese without spaces: 互联网公共核心 and 域名 inside longer runs', () => {
    assert.deepEqual(tags('各国应保护互联网公共核心的普遍可用性和完整性，包括域名系统。'), [
      'dns',
      'public-core',
    ]);
    assert.deepEqual(tags('多利益攸关方模式'), ['multistakeholder']);
    // 公共 and 核心 apart are not the public core.
    assert.deepEqual(tags('公共政策的核心问题'), []);
  });

  test('Arabic with vowel marks, alef variants and the article folded', () => {
    assert.deepEqual(tags('حماية النَّواة العامة للإنترنت، وكذلك أمن الشبكات'), [
      'public-core',
      'wgig-use',
    ]);
    assert.deepEqual(tags('نهج متعدد أصحاب المصلحة'), ['multistakeholder']);
  });

  test('multistakeholder is not multilateral, in English and in Russian', () => {
    assert.deepEqual(tags('A multi-stakeholder approach.'), ['multistakeholder']);
    assert.deepEqual(tags('A multilateral treaty.'), ['multilateral']);
    assert.deepEqual(tags('с участием многих заинтересованных сторон'), ['multistakeholder']);
  });

  test('ancestry goes from the concept up to the broadest', () => {
    assert.deepEqual(tagger.ancestry('dns'), ['dns', 'unique-identifiers', 'public-core']);
    assert.deepEqual(tagger.ancestry('fragmentation'), ['fragmentation']);
  });
});
