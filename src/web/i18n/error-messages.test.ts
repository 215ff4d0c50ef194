import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCatalogue, type ErrorCode } from '../../errors.ts';
import { errorMessages } from './error-messages.ts';

const codes = Object.keys(errorCatalogue) as ErrorCode[];
const languages = Object.keys(errorMessages) as (keyof typeof errorMessages)[];

/** A letter of the language's own script, so a message is not left in Latin letters alone. */
const ownScript: Partial<Record<keyof typeof errorMessages, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

/** Technical tokens that stay as they are in every language. */
const tokens = ['DOCX', '.docx', 'UTF-8', 'PDF', 'ODT', 'MB', 'Word', 'Markdown'];

/** The numbers in a message, in order of size. */
function digits(message: string): string[] {
  return (message.match(/\d+/g) ?? []).sort();
}

test('the five other UN languages are all there', () => {
  assert.deepEqual([...languages].sort(), ['ar', 'es', 'fr', 'ru', 'zh']);
});

for (const language of languages) {
  const messages = errorMessages[language];

  test(`${language}: exactly the codes of the catalogue`, () => {
    assert.deepEqual(Object.keys(messages).sort(), [...codes].sort());
  });

  test(`${language}: every message is translated`, () => {
    for (const code of codes) {
      const english = errorCatalogue[code].message;
      const message = messages[code];
      assert.equal(typeof message, 'string', code);
      assert.ok(message.trim().length > 0, `${code} is empty`);
      assert.equal(message, message.trim(), `${code} has leading or trailing space`);
      assert.notEqual(message, english, `${code} is still English`);
      assert.ok(!/ the /i.test(message), `${code} keeps English: ${message}`);
      assert.ok(!/\b(this|is|was|with|and|not)\b/i.test(message), `${code}: ${message}`);
      const script = ownScript[language];
      if (script) assert.match(message, script, `${code} has no letter of its own script`);
    }
  });

  test(`${language}: numbers and technical tokens are kept`, () => {
    for (const code of codes) {
      const english = errorCatalogue[code].message;
      const message = messages[code];
      assert.deepEqual(digits(message), digits(english), `${code}: ${message}`);
      for (const token of tokens) {
        if (english.includes(token)) assert.ok(message.includes(token), `${code} lost ${token}`);
      }
    }
    for (const format of ['text', 'markdown', 'docx']) {
      assert.ok(messages.IMPORT_UNSUPPORTED_FORMAT.includes(format), `format ${format} lost`);
    }
  });
}
