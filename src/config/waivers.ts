import { isIsoDate } from '../text/dates.js';

/** A config exemption: `rule` findings of the matching services are not counted until `expires`. */
export interface Waiver {
  rule: string;
  /** Service names or globs (`*`, `?`). */
  services: string[];
  reason: string;
  owner: string;
  /** YYYY-MM-DD, the last day the waiver applies. */
  expires: string;
}

/**
 * The one check on waivers the config's schema cannot make: that `expires` is a real date (2027-02-30 matches the
 * pattern). Returns the index of the first waiver whose date is not, with what is wrong.
 */
export function waiverDateProblem(waivers: readonly Waiver[]): { waiverIndex: number; message: string } | undefined {
  const waiverIndex = waivers.findIndex((waiver) => !isIsoDate(waiver.expires));
  if (waiverIndex === -1) return undefined;
  return { waiverIndex, message: `"expires" must be a date written YYYY-MM-DD, not "${waivers[waiverIndex]!.expires}"` };
}
