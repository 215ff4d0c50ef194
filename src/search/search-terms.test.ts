import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containsPhrases,
  foldForSearch,
  indexTerms,
  matchRanges,
  parseQuery,
  stemCyrillic,
  stemLatin,
} from './search-terms.ts';

/** True when a passage is found by a query: every term indexed, every phrase present. */
function finds(text: string, query: string): boolean {
  const indexed = new Set(indexTerms(text));
  const q = parseQuery(query);
  return (
    q.terms.length > 0 &&
    q.terms.every((t) => indexed.has(t)) &&
    containsPhrases(foldForSearch(text), q.phrases)
  );
}

describe('search terms: English, French, Spanish', () => {
  it('folds case and accents', () => {
    assert.ok(finds('La Société de l’Internet', 'societe internet'));
    assert.ok(finds('El diseño de la política', 'DISENO POLITICA'));
    assert.ok(finds('STRAßE', 'strasse'));
  });

  it('stems English plurals, -ing, -ed and -ly', () => {
    assert.equal(stemLatin('policies'), stemLatin('policy'));
    assert.equal(stemLatin('states'), stemLatin('state'));
    assert.equal(stemLatin('governing'), stemLatin('governed'));
    assert.equal(stemLatin('processes'), stemLatin('process'));
    assert.equal(stemLatin('committed'), 'commit');
    assert.equal(stemLatin('access'), 'access');
    assert.ok(finds('States should protect the public core.', 'state protects'));
  });

  it('folds French and Spanish plurals', () => {
    assert.equal(stemLatin('réseaux'.normalize('NFD').replace(/\p{M}/gu, '')), 'reseau');
    assert.ok(finds('les réseaux nationaux', 'réseau'));
    assert.ok(finds('las naciones y los países', 'nación país'));
    assert.ok(finds('los derechos humanos', 'derecho humano'));
  });

  it('finds hyphenated words written either way', () => {
    assert.ok(finds('the multi-stakeholder model', 'multistakeholder'));
    assert.ok(finds('the multistakeholder model', 'multi-stakeholder'));
    assert.ok(finds('the multi-stakeholder model', 'stakeholder'));
  });

  it('requires every word of the query', () => {
    assert.ok(!finds('the public core', 'public internet'));
  });

  it('checks quoted phrases as written', () => {
    assert.ok(finds('the public core of the Internet', '"public core"'));
    assert.ok(!finds('the core of public law', '"public core"'));
    assert.ok(finds('the public, core issue', '"public core"'));
  });
});

describe('search terms: Russian', () => {
  it('folds ё to е and й to и on both sides', () => {
    assert.ok(finds('Ёлка и ещё', 'елка еще'));
    assert.ok(finds('елка', 'ёлка'));
    assert.ok(finds('новый мир', 'новыи'));
  });

  it('folds case endings', () => {
    assert.equal(stemCyrillic('интернета'), stemCyrillic('интернет'));
    assert.equal(stemCyrillic('федерации'), stemCyrillic('федерация'));
    assert.ok(finds('Общедоступное ядро интернета', 'общедоступного ядра интернет'));
    assert.ok(finds('Российской Федерации', 'Российская Федерация'));
  });
});

describe('search terms: Arabic', () => {
  it('strips tashkeel and tatweel', () => {
    assert.ok(finds('الإِنْتَرْنِت', 'إنترنت'));
    assert.ok(finds('حوكمـــة', 'حوكمة'));
  });

  it('folds alef forms, alef maqsura and teh marbuta', () => {
    assert.ok(finds('أمن إقليمي آمن', 'امن اقليمي امن'));
    assert.ok(finds('مستوى', 'مستوي'));
    assert.ok(finds('حوكمة', 'حوكمه'));
  });

  it('strips the definite article, also after و ب and as لل', () => {
    assert.ok(finds('الإنترنت', 'إنترنت'));
    assert.ok(finds('وَالإنترنت', 'الإنترنت'));
    assert.ok(finds('بالإنترنت', 'إنترنت'));
    assert.ok(finds('وبالإنترنت', 'الإنترنت'));
    assert.ok(finds('للمنظمة', 'المنظمة'));
    // Too short to carry an article: "ال" alone stays a word.
    assert.deepEqual(indexTerms('الا'), ['الا']);
  });

  it('reads Arabic-Indic digits as the same numbers', () => {
    assert.ok(finds('الفقرة ٣٨', '38'));
  });
});

describe('search terms: Chinese', () => {
  const text = '各国应避免损害互联网公共核心的普遍可用性或完整性。互联网治理涉及域名系统。';

  it('indexes every character and every overlapping pair', () => {
    const terms = indexTerms('公共核心');
    assert.deepEqual(terms.toSorted(), ['公', '公共', '共', '共核', '核', '核心', '心'].toSorted());
  });

  for (const query of ['公共核心', '核心', '互联网', '互联网治理', '域名', '网', '公共核心 域名']) {
    it(`finds ${query}`, () => assert.ok(finds(text, query)));
  }

  it('asks for a one-character word by its character, a longer one by its pairs and the run', () => {
    assert.deepEqual(parseQuery('网'), { terms: ['网'], phrases: [] });
    assert.deepEqual(parseQuery('公共核心'), {
      terms: ['公共', '共核', '核心'],
      phrases: ['公共核心'],
    });
  });

  it('never matches the words of a run apart', () => {
    assert.ok(!finds('公共政策与核心问题', '公共核心'));
    // Every pair is there, the run is not: the substring check refuses it.
    assert.ok(!finds('公共。共核。核心', '公共核心'));
  });

  it('mixes Chinese and Latin in one query', () => {
    assert.ok(finds('ICANN 管理域名', 'icann 域名'));
  });
});

describe('folding', () => {
  it('gives the same terms from the folded text as from the text (the search checks either)', () => {
    for (const text of [
      'Les États réaffirment; STRAßE; İstanbul; multi-stakeholder',
      'وَالإِنْتَرْنِت حوكمـــة ٣٨ مستوى',
      'Ёмкость сетей Российской Федерации',
      '互联网治理与公共核心，域名系统。ＡＢＣ',
    ]) {
      assert.deepEqual(indexTerms(foldForSearch(text)).toSorted(), indexTerms(text).toSorted());
      assert.equal(foldForSearch(foldForSearch(text)), foldForSearch(text));
    }
  });
});

describe('matchRanges', () => {
  it('marks the words and Han runs of the query in the original text', () => {
    const text = 'The Multi-Stakeholder model; 公共核心 of the Internets.';
    const ranges = matchRanges(text, parseQuery('internet 公共核心 multistakeholder'));
    assert.deepEqual(
      ranges.map(([a, b]) => text.slice(a, b)),
      ['Multi-Stakeholder', '公共核心', 'Internets'],
    );
  });

  it('marks Arabic words with their article and marks', () => {
    const text = 'حوكمة الإِنْتَرْنِت';
    const ranges = matchRanges(text, parseQuery('إنترنت'));
    assert.deepEqual(
      ranges.map(([a, b]) => text.slice(a, b)),
      ['الإِنْتَرْنِت'],
    );
  });
});
