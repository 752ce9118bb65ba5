import { SvcLintError } from '../errors.js';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

function utcMilliseconds(date: string): number | undefined {
  const match = isoDatePattern.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const milliseconds = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(milliseconds);
  // Date.UTC rolls 2027-02-30 over to March; a real calendar date survives the round trip.
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    return undefined;
  }
  return milliseconds;
}

/** Whether `date` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  return utcMilliseconds(date) !== undefined;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  const start = utcMilliseconds(from);
  const end = utcMilliseconds(to);
  if (start === undefined || end === undefined) throw new Error(`Not a YYYY-MM-DD date: ${start === undefined ? from : to}`);
  return Math.round((end - start) / millisecondsPerDay);
}

/** An exemption `until` a date still applies on that date and stops the day after. */
export function hasExpired(lastDay: string, today: string): boolean {
  return daysBetween(lastDay, today) > 0;
}

/** `date` plus `days` whole days, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** SVC_LINT_TODAY pins the date expiring suppressions and waivers are judged on (for tests and reproducible runs). */
export function pinnedToday(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const pinned = env.SVC_LINT_TODAY;
  if (pinned === undefined || pinned === '') return undefined;
  if (!isIsoDate(pinned)) throw new SvcLintError('usage', `SVC_LINT_TODAY=${pinned}: expected a date written YYYY-MM-DD`);
  return pinned;
}
