/** Wall-clock times in named time zones, converted with Intl (no time-zone database of our own). */
import { PlenumError } from '../errors.ts';

/** True when the name is an IANA time zone this runtime knows (e.g. Europe/Geneva, Asia/Kolkata). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The UTC instant of a wall-clock time ("2027-01-31T23:59") in a time zone. In a gap (clocks
 * going forward) the time after the gap is taken; in an overlap, the earlier instant.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m || !isTimeZone(timeZone)) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59)
    return undefined;
  // The zone's offsets half a day either side; a time matching both is an overlap, neither a gap.
  const before = wall - offsetMinutes(new Date(wall - 43_200_000), timeZone) * 60_000;
  const after = wall - offsetMinutes(new Date(wall + 43_200_000), timeZone) * 60_000;
  const wanted = local.trim().replace(' ', 'T').slice(0, 16);
  const matches = [before, after].filter((t) => utcToZonedTime(new Date(t), timeZone) === wanted);
  return new Date(matches.length > 0 ? Math.min(...matches) : before);
}

/** The wall-clock time of an instant in a time zone, as "YYYY-MM-DDTHH:MM" (for form fields). */
export function utcToZonedTime(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** An offset from UTC as a reader writes it: "UTC−05:00". */
function offsetLabel(instant: Date, timeZone: string): string {
  const minutes = offsetMinutes(instant, timeZone);
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function reading(instant: Date, timeZone: string): string {
  const local = utcToZonedTime(instant, timeZone).replace('T', ' ');
  const utc = instant.toISOString().slice(0, 16).replace('T', ' ');
  return `${local} (${offsetLabel(instant, timeZone)}, that is ${utc} UTC)`;
}

/**
 * The UTC instant of a wall-clock time in a zone, refusing what cannot be read one way: a time
 * that does not exist (in a spring-forward gap) or happens twice (in an autumn overlap) is refused
 * with the two possible readings, never moved silently. The refusal names the field.
 */
export function zonedInstant(local: string, timeZone: string, field: string): Date {
  const instant = zonedTimeToUtc(local, timeZone);
  if (!instant) throw new PlenumError('INVALID_REQUEST', `${field}: not a real date and time.`);
  const wanted = local.trim().replace(' ', 'T').slice(0, 16);
  const wall = Date.parse(`${wanted}:00Z`);
  const before = new Date(wall - offsetMinutes(new Date(wall - 43_200_000), timeZone) * 60_000);
  const after = new Date(wall - offsetMinutes(new Date(wall + 43_200_000), timeZone) * 60_000);
  if (before.getTime() === after.getTime()) return instant;
  const shown = wanted.replace('T', ' ');
  const matches = [before, after].filter((t) => utcToZonedTime(t, timeZone) === wanted);
  if (matches.length === 0) {
    // In the gap: the time read with the offset before the change, or with the one after.
    const early = new Date(Math.min(before.getTime(), after.getTime()));
    const late = new Date(Math.max(before.getTime(), after.getTime()));
    throw new PlenumError(
      'INVALID_REQUEST',
      `${field}: ${shown} does not exist in ${timeZone}: the clocks go forward at that time. Did you mean ${reading(early, timeZone)} or ${reading(late, timeZone)}? Enter one of them.`,
    );
  }
  if (matches.length === 2) {
    const [first, second] = matches.toSorted((a, b) => a.getTime() - b.getTime()) as [Date, Date];
    throw new PlenumError(
      'INVALID_REQUEST',
      `${field}: ${shown} happens twice in ${timeZone}: the clocks go back at that time. It is either ${reading(first, timeZone)} or ${reading(second, timeZone)}. To say which, enter the time in UTC with the time zone UTC.`,
    );
  }
  return instant;
}
