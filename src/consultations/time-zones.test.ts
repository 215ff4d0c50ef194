import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlenumError } from '../errors.ts';
import { isTimeZone, utcToZonedTime, zonedInstant, zonedTimeToUtc } from './time-zones.ts';

test('converts a New York wall-clock time to UTC in winter and in summer', () => {
  assert.equal(
    zonedTimeToUtc('2027-01-31T23:59', 'America/New_York')?.toISOString(),
    '2027-02-01T04:59:00.000Z',
  );
  assert.equal(
    zonedTimeToUtc('2027-07-15T12:00', 'America/New_York')?.toISOString(),
    '2027-07-15T16:00:00.000Z',
  );
});

test('converts Geneva and Beijing times, and UTC unchanged', () => {
  assert.equal(
    zonedTimeToUtc('2027-03-01T18:00', 'Europe/Zurich')?.toISOString(),
    '2027-03-01T17:00:00.000Z',
  );
  assert.equal(
    zonedTimeToUtc('2027-03-01T18:00', 'Asia/Shanghai')?.toISOString(),
    '2027-03-01T10:00:00.000Z',
  );
  assert.equal(
    zonedTimeToUtc('2027-03-01T18:00', 'UTC')?.toISOString(),
    '2027-03-01T18:00:00.000Z',
  );
});

test('takes the time after a spring-forward gap and the earlier of an autumn overlap', () => {
  // 2027-03-14 02:30 does not exist in New York; 2027-11-07 01:30 happens twice.
  assert.equal(
    zonedTimeToUtc('2027-03-14T02:30', 'America/New_York')?.toISOString(),
    '2027-03-14T07:30:00.000Z',
  );
  assert.equal(
    zonedTimeToUtc('2027-11-07T01:30', 'America/New_York')?.toISOString(),
    '2027-11-07T05:30:00.000Z',
  );
});

test('refuses impossible dates and unknown zones', () => {
  assert.equal(zonedTimeToUtc('2027-02-30T10:00', 'UTC'), undefined);
  assert.equal(zonedTimeToUtc('2027-02-01T25:00', 'UTC'), undefined);
  assert.equal(zonedTimeToUtc('tomorrow', 'UTC'), undefined);
  assert.equal(zonedTimeToUtc('2027-02-01T10:00', 'Mars/Olympus'), undefined);
  assert.equal(isTimeZone('Europe/Geneva') || isTimeZone('Europe/Zurich'), true);
});

test('round-trips wall-clock times through UTC', () => {
  for (const zone of [
    'America/New_York',
    'Europe/Paris',
    'Asia/Kolkata',
    'Australia/Sydney',
    'Pacific/Chatham',
  ]) {
    const utc = zonedTimeToUtc('2027-05-20T09:15', zone);
    assert.ok(utc, zone);
    assert.equal(utcToZonedTime(utc, zone), '2027-05-20T09:15', zone);
  }
});

test('a time in a spring-forward gap is refused with the two possible readings (issue 19)', () => {
  assert.throws(
    () => zonedInstant('2027-03-14T02:30', 'America/New_York', 'opensAt'),
    (error: PlenumError) => {
      assert.equal(error.code, 'INVALID_REQUEST');
      assert.match(
        error.detail ?? '',
        /^opensAt: 2027-03-14 02:30 does not exist in America\/New_York/,
      );
      assert.match(
        error.detail ?? '',
        /2027-03-14 01:30 \(UTC−05:00, that is 2027-03-14 06:30 UTC\)/,
      );
      assert.match(
        error.detail ?? '',
        /2027-03-14 03:30 \(UTC−04:00, that is 2027-03-14 07:30 UTC\)/,
      );
      return true;
    },
  );
});

test('a time in an autumn overlap is refused with the two possible readings (issue 19)', () => {
  assert.throws(
    () => zonedInstant('2027-11-07T01:30', 'America/New_York', 'closesAt'),
    (error: PlenumError) => {
      assert.match(error.detail ?? '', /^closesAt: 2027-11-07 01:30 happens twice/);
      assert.match(error.detail ?? '', /2027-11-07 05:30 UTC/);
      assert.match(error.detail ?? '', /2027-11-07 06:30 UTC/);
      return true;
    },
  );
});

test('an ordinary time, and one in a zone without changes, reads one way', () => {
  assert.equal(
    zonedInstant('2027-03-14T04:30', 'America/New_York', 'opensAt').toISOString(),
    '2027-03-14T08:30:00.000Z',
  );
  assert.equal(
    zonedInstant('2027-03-14T02:30', 'UTC', 'opensAt').toISOString(),
    '2027-03-14T02:30:00.000Z',
  );
});
