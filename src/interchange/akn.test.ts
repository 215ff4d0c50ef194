import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { readDocument } from '../documents/documents.service.ts';
import { buildDraftMarkdown, buildProcess } from '../imports/imports.builder.ts';
import { importFile } from '../imports/imports.service.ts';
import { exportVersionAkn, exportVersionAknAll } from './akn.service.ts';
import { aknSchemaMissing, xmllintSchemaErrors } from './akn-schema.builder.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A draft with a cover (front matter), a table, an unnumbered paragraph and a back cover. */
const richDraft = [
  'United Nations',
  '',
  '# A draft report on the public core',
  '',
  '## I. Introduction',
  '',
  'An unnumbered opening paragraph with <angle brackets> & an ampersand.',
  '',
  '1. The first paragraph, on the stability of the Internet.[^1]',
  '',
  '2. The second paragraph has points:',
  '   (a) the first point;',
  '   (b) the second point.[^2]',
  '',
  '| Item | Value |',
  '| --- | --- |',
  '| one | 1 |',
  '| two | 2 |',
  '',
  '- a bullet',
  '- another bullet',
  '',
  '[^1]: The first footnote.',
  '[^2]: The second footnote, with "quotes".',
  '',
].join('\n');

/** A document as another tool writes it (Spanish, eIds, a footnote, a sub-paragraph). */
const otherToolSample = `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="report">
    <meta>
      <identification source="#un">
        <FRBRWork><FRBRthis value="/akn/un/doc/report/2025-07-01/A_80_100/!main"/><FRBRuri value="/akn/un/doc/report/2025-07-01/A_80_100"/><FRBRdate date="2025-07-01" name="publication"/><FRBRauthor href="#un"/><FRBRcountry value="un"/><FRBRnumber value="A/80/100"/></FRBRWork>
        <FRBRExpression><FRBRthis value="/akn/un/doc/report/2025-07-01/A_80_100/spa@/!main"/><FRBRuri value="/akn/un/doc/report/2025-07-01/A_80_100/spa@"/><FRBRdate date="2025-07-01" name="publication"/><FRBRauthor href="#un"/><FRBRlanguage language="spa"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="/x/!main.xml"/><FRBRuri value="/x"/><FRBRdate date="2025-07-01" name="x"/><FRBRauthor href="#un"/></FRBRManifestation>
      </identification>
    </meta>
    <preface><longTitle><p><docTitle>Informe del Secretario General</docTitle></p></longTitle></preface>
    <mainBody>
      <paragraph eId="para_1"><num>1.</num><content><p>Primer párrafo.<authorialNote marker="1" eId="para_1__authorialNote_1"><p>Una nota.</p></authorialNote></p></content></paragraph>
      <paragraph eId="para_2"><num>2.</num><intro><p>Segundo párrafo:</p></intro>
        <subparagraph eId="para_2__subpara_a"><num>(a)</num><content><p>un punto;</p></content></subparagraph>
      </paragraph>
    </mainBody>
  </doc>
</akomaNtoso>`;

for (const engine of testEngines()) {
  describe(`Akoma Ntoso export and import (${engine})`, () => {
    let o: OpenDatabase;
    let other: OpenDatabase;
    let versionId: string;
    before(async () => {
      o = await openTestDatabase(engine);
      other = await openTestDatabase(engine);
      await buildProcess(o.db);
      await buildProcess(other.db);
      const en = await importFile(o.db, utf8(buildDraftMarkdown(12)), {
        process: 'twg',
        symbol: 'A/AC.290/2026/CRP.1',
        title: 'Draft report',
        kind: 'draft report',
        version: 'Rev.1',
        date: '2026-03-01',
        language: 'en',
      });
      versionId = en.ids.version;
      await importFile(o.db, utf8(buildDraftMarkdown(12, 'stabilité')), {
        process: 'twg',
        document: 'A/AC.290/2026/CRP.1',
        version: 'Rev.1',
        language: 'fr',
      });
      await importFile(o.db, utf8(richDraft), {
        process: 'twg',
        symbol: 'TEST/RICH/1',
        version: 'pre-draft',
        language: 'en',
        format: 'markdown',
      });
    });
    after(async () => {
      await o.close();
      await other.close();
    });

    test('exports every language of a version as AKN4UN XML', async () => {
      const files = await exportVersionAknAll(o.db, versionId, operatorViewer);
      assert.deepEqual(files.map((f) => f.language).sort(), ['en', 'fr']);
      const en = files.find((f) => f.language === 'en')!;
      assert.equal(en.filename, 'A_AC.290_2026_CRP.1-Rev.1-eng.akn.xml');
      assert.match(
        en.xml,
        /<FRBRWork><FRBRthis value="\/akn\/un\/doc\/draft_report\/2026-03-01\/A_AC.290_2026_CRP.1\/!main"\/>/,
      );
      assert.match(en.xml, /<FRBRlanguage language="eng"\/>/);
      assert.match(files.find((f) => f.language === 'fr')!.xml, /<FRBRlanguage language="fra"\/>/);
      assert.match(en.xml, /<FRBRversionNumber value="Rev.1"\/>/);
      assert.match(en.xml, /<docNumber>A\/AC.290\/2026\/CRP.1<\/docNumber>/);
      assert.match(en.xml, /<docDate date="2026-03-01">/);
      assert.match(en.xml, /<paragraph eId="para_3"><num>3\.<\/num><intro>/);
      assert.match(en.xml, /<subparagraph eId="para_3__subpara_b"><num>\(b\)<\/num>/);
      // Paragraph 4 has footnote 1, written where its marker stood.
      assert.match(
        en.xml,
        /<paragraph eId="para_4">.*?<authorialNote marker="1" placement="bottom" eId="para_4__authorialNote_1"><p>Footnote 1 explains paragraph 4\.<\/p><\/authorialNote>/,
      );
    });

    test('a document with matter, tables, lists, unnumbered paragraphs and escaping is written too', async () => {
      const doc = await readDocument(o.db, 'TEST/RICH/1');
      const file = await exportVersionAkn(o.db, doc.version!.id, 'en', operatorViewer);
      assert.match(file.xml, /&lt;angle brackets&gt; &amp; an ampersand/);
      assert.match(file.xml, /<table eId="[^"]+"><tr><td><p>Item<\/p><\/td>/);
      assert.match(file.xml, /name="list_item"/);
    });

    test(
      'every export, and the other tool’s sample, is valid against the official Akoma Ntoso 3.0 schema',
      { skip: aknSchemaMissing },
      async () => {
        const files = await exportVersionAknAll(o.db, versionId, operatorViewer);
        const rich = await readDocument(o.db, 'TEST/RICH/1');
        const richFile = await exportVersionAkn(o.db, rich.version!.id, 'en', operatorViewer);
        assert.equal(
          xmllintSchemaErrors([...files.map((f) => f.xml), richFile.xml, otherToolSample]),
          null,
        );
      },
    );

    test(
      'the validator does refuse an export that breaks the schema',
      { skip: aknSchemaMissing },
      () => {
        // Proof that the check above can fail: the same kind of export with an element AKN lacks.
        const broken = `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody><bogus/></mainBody></doc></akomaNtoso>`;
        const errors = xmllintSchemaErrors([broken]);
        assert.ok(errors && /fails to validate|not expected|bogus/.test(errors), String(errors));
      },
    );

    for (const [label, symbol] of [
      ['a numbered draft in two languages', 'A/AC.290/2026/CRP.1'],
      ['a draft with matter, tables and lists', 'TEST/RICH/1'],
    ] as const) {
      test(`round trip of ${label}: export, import, export gives the same XML`, async () => {
        const doc = await readDocument(o.db, symbol);
        const version = doc.document.versions[0]!;
        for (const lv of version.languages) {
          const first = await exportVersionAkn(o.db, lv.id, undefined, operatorViewer);
          const report = await importFile(other.db, utf8(first.xml), {
            process: 'twg',
            sourceName: first.filename,
          });
          assert.equal(report.format, 'akn');
          assert.equal(report.document.symbol, symbol);
          assert.equal(report.version.label, version.label);
          assert.equal(report.language, lv.language);
          const second = await exportVersionAkn(
            other.db,
            report.ids.languageVersion,
            undefined,
            operatorViewer,
          );
          assert.equal(second.xml, first.xml);
          // The same ids: every block keeps its address, number, kind and parent.
          const a = await readDocument(o.db, symbol, { language: lv.language });
          const b = await readDocument(other.db, symbol, { language: lv.language });
          const shape = (blocks: typeof a.blocks) => {
            const address = new Map(blocks.map((x) => [x.id, x.address]));
            return blocks
              .map((x) => [x.address, x.kind, x.number, x.parentId && address.get(x.parentId)])
              .sort((p, q) => String(p[0]).localeCompare(String(q[0])));
          };
          assert.deepEqual(shape(b.blocks), shape(a.blocks));
        }
      });
    }

    test('reads the AKN of another tool: eIds give the numbers and addresses', async () => {
      const report = await importFile(other.db, utf8(otherToolSample), {
        process: 'twg',
        sourceName: 'a.xml',
      });
      assert.equal(report.language, 'es');
      assert.equal(report.document.symbol, 'A/80/100');
      assert.equal(report.document.title, 'Informe del Secretario General');
      const reading = await readDocument(other.db, 'A/80/100');
      const byAddress = new Map(reading.blocks.map((b) => [b.address, b]));
      assert.equal(byAddress.get('para 1')?.text, 'Primer párrafo.');
      assert.equal(byAddress.get('para 2(a)')?.parentId, byAddress.get('para 2')?.id);
      assert.equal(byAddress.get('fn 1')?.text, 'Una nota.');
      assert.equal(byAddress.get('para 1')?.footnoteRefs[0]?.footnoteId, byAddress.get('fn 1')?.id);
      assert.equal(reading.version?.date, '2025-07-01');
    });

    for (const [label, xml, line, words] of [
      [
        'malformed XML',
        '<?xml version="1.0"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<doc name="x">\n<meta></doc>\n</akomaNtoso>\n',
        4,
        /not well formed/,
      ],
      [
        'another root element',
        '<?xml version="1.0"?>\n\n<html><body/></html>\n',
        3,
        /<akomaNtoso>/,
      ],
      [
        'a document without identification',
        '<?xml version="1.0"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<doc name="x">\n  <meta>\n  </meta>\n<mainBody><p>x</p></mainBody></doc></akomaNtoso>\n',
        4,
        /<identification>/,
      ],
      [
        'elements nested thousands deep',
        `<?xml version="1.0"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><meta><identification source="#x"><FRBRWork/><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta><mainBody>\n${'<hcontainer name="x">'.repeat(5000)}${'</hcontainer>'.repeat(5000)}</mainBody></doc></akomaNtoso>\n`,
        3,
        /nest more than 200 levels/,
      ],
    ] as const) {
      test(`refuses ${label} with the first error and its line, writing nothing`, async () => {
        const before = await rowCounts(other);
        await assert.rejects(
          importFile(other.db, utf8(xml), { process: 'twg', format: 'akn' }),
          (error: unknown) => {
            assert.ok(isPlenumError(error), String(error));
            assert.equal(error.code, 'IMPORT_BAD_AKN');
            assert.match(error.detail ?? '', new RegExp(`^Line ${line}: `));
            assert.match(error.detail ?? '', words);
            return true;
          },
        );
        assert.deepEqual(await rowCounts(other), before);
      });
    }
  });
}
