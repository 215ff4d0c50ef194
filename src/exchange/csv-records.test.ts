/**
 * The CSV every served file is written with: a line break of any kind stays inside its quoted
 * cell, so a reader that ends a record at a bare LF or CR (as spreadsheets and most CSV readers do)
 * still sees each record whole.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvRecords } from './csv-records.ts';

/** Records of RFC 4180 text, a bare LF or CR ending a record as lenient readers take it. */
function readRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  return records;
}

test('a cell with a lone LF, a lone CR or CRLF stays in its record, quoted', () => {
  const rows = [
    ['id', 'body'],
    ['1', 'First paragraph.\nSecond paragraph.'],
    ['2', 'Old Mac line\rbreak'],
    ['3', 'Windows\r\nbreak'],
    ['4', 'say "hi", then go'],
  ];
  const text = csvRecords(rows);
  assert.equal(
    text,
    'id,body\r\n1,"First paragraph.\nSecond paragraph."\r\n2,"Old Mac line\rbreak"\r\n' +
      '3,"Windows\r\nbreak"\r\n4,"say ""hi"", then go"\r\n',
  );
  assert.deepEqual(readRecords(text), rows);
});
