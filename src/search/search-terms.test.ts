import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  holdsWords,
  indexTerms,
  matchRanges,
  parseQuery,
  proximity,
  stemWord,
} from './search-terms.ts';

/**
 * True when a passage (in `language`, else detected) is found by a query: every word indexed,
 * every phrase and Han run present.
 */
function finds(text: string, query: string, language?: string): boolean {
  const analysis = analyse([{ text }], language);
  const q = parseQuery(query);
  return (
    q.words.length > 0 &&
    holdsWords(analysis.counts, q) &&
    holdsPhrases(analysis, () => foldForSearch(text), q)
  );
}

describe('search terms: English, French, Spanish', () => {
  it('folds case and accents', () => {
    assert.ok(finds('La Société de l’Internet', 'societe internet'));
    assert.ok(finds('El diseño de la política', 'DISENO POLITICA'));
    assert.ok(finds('STRAßE', 'strasse'));
  });

  it('stems English with the Snowball stemmer: plurals, -ing, -ed, -ly', () => {
    const en = (w: string) => stemWord(w, 'en');
    assert.equal(en('policies'), en('policy'));
    assert.equal(en('states'), en('state'));
    assert.equal(en('governing'), en('governed'));
    assert.equal(en('governance'), en('governing'));
    assert.equal(en('processes'), en('process'));
    assert.equal(en('committed'), 'commit');
    assert.equal(en('access'), 'access');
    assert.ok(finds('States should protect the public core.', 'state protects', 'en'));
  });

  it('stems French and Spanish with their own stemmers, accents or not', () => {
    const fr = (w: string) => stemWord(w, 'fr');
    const es = (w: string) => stemWord(w, 'es');
    assert.equal(fr('internationaux'), fr('internationale'));
    assert.equal(fr('sécurité'), fr('securite'));
    assert.equal(es('internacionales'), es('internacional'));
    assert.ok(finds('les réseaux nationaux', 'réseau', 'fr'));
    assert.ok(finds('la coopération internationale', 'coopérations internationaux', 'fr'));
    assert.ok(finds('las naciones y los países', 'nación país', 'es'));
    assert.ok(finds('los derechos humanos', 'derecho humano', 'es'));
  });

  it('a query in no language finds a Latin word in English, French or Spanish passages', () => {
    // "internationaux" stems as French only in a French passage; the query tries each stemmer.
    assert.ok(finds('la sécurité internationale', 'internationaux', 'fr'));
    assert.ok(finds('international security', 'international', 'en'));
    assert.ok(finds('seguridad internacional', 'internacionales', 'es'));
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
  it('folds ё to е on both sides', () => {
    assert.ok(finds('Ёлка и ещё', 'елка еще'));
    assert.ok(finds('елка', 'ёлка'));
    assert.ok(finds('новый мир', 'новая'));
  });

  it('stems case endings with the Snowball stemmer', () => {
    const ru = (w: string) => stemWord(w, 'ru');
    assert.equal(ru('интернета'), ru('интернет'));
    assert.equal(ru('федерации'), ru('федерация'));
    assert.equal(ru('публичного'), ru('публичное'));
    assert.ok(finds('Общедоступное ядро интернета', 'общедоступного ядра интернет'));
    assert.ok(finds('Российской Федерации', 'Российская Федерация'));
    assert.ok(finds('защита публичного ядра Интернета', '"публичное ядро интернета"'));
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
    assert.deepEqual(parseQuery('网'), { words: [['网']], phrases: [], hanRuns: [] });
    assert.deepEqual(parseQuery('核心'), { words: [['核心']], phrases: [], hanRuns: [] });
    assert.deepEqual(parseQuery('公共核心'), {
      words: [['公共'], ['共核'], ['核心']],
      phrases: [],
      hanRuns: ['公共核心'],
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
  it('folds once for all: folding the folded text changes nothing', () => {
    for (const text of [
      'Les États réaffirment; STRAßE; İstanbul; multi-stakeholder',
      'وَالإِنْتَرْنِت حوكمـــة ٣٨ مستوى',
      'Ёмкость сетей Российской Федерации',
      '互联网治理与公共核心，域名系统。ＡＢＣ',
    ]) {
      assert.equal(foldForSearch(foldForSearch(text)), foldForSearch(text));
    }
  });
});

describe('proximity', () => {
  const sequence = (text: string) => analyse([{ text }], 'en').sequence;
  it('is highest for the words in a row in the query order, lower apart, 0 for one word', () => {
    const q = parseQuery('public core');
    const inARow = proximity(sequence('the public core of the Internet'), q);
    const reversed = proximity(sequence('the core is public'), q);
    const apart = proximity(sequence('public law and the many other things at the core'), q);
    assert.equal(inARow, 2);
    assert.ok(reversed < inARow && reversed > apart, `${reversed} between ${apart} and ${inARow}`);
    assert.ok(apart > 0);
    assert.equal(proximity(sequence('public core'), parseQuery('core')), 0);
  });
});

describe('matchRanges', () => {
  it('marks the words and Han runs of the query in the original text', () => {
    const text = 'The Multi-Stakeholder model; 公共核心 of the Internets.';
    const ranges = matchRanges(text, parseQuery('internet 公共核心 multistakeholder'), 'en');
    assert.deepEqual(
      ranges.map(([a, b]) => text.slice(a, b)),
      ['Multi-Stakeholder', '公共核心', 'Internets'],
    );
  });

  it('marks a word of Latin and Han apart, the parts of a hyphenated word, and a word met again', () => {
    // One-piece words take a short way; a word mixing scripts or with a hyphen the long one.
    const text = 'ICT安全 and ict-security: ICT, Ict, 安全ICT 网络安全.';
    const ranges = matchRanges(text, parseQuery('ict 安全 security'), 'en');
    assert.deepEqual(
      ranges.map(([a, b]) => text.slice(a, b)),
      // Marks that touch are one.
      ['ICT安全', 'ict', 'security', 'ICT', 'Ict', '安全ICT', '安全'],
    );
    // Asked again (its words' terms now remembered): the same marks.
    assert.deepEqual(matchRanges(text, parseQuery('ict 安全 security'), 'en'), ranges);
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
