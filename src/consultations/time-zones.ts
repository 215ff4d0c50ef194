/** Wall-clock times in named time zones, converted with Intl (no time-zone database of our own). */

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
