import { SvcLintError } from '../errors.js';
import { isIsoDate } from '../text/dates.js';
import type { CliIo } from './io.js';

/** SVC_LINT_TODAY pins the date expiring suppressions and waivers are judged on (for tests and reproducible runs). */
export function todayFrom(env: CliIo['env']): string | undefined {
  const pinned = env.SVC_LINT_TODAY;
  if (pinned === undefined || pinned === '') return undefined;
  if (!isIsoDate(pinned)) throw new SvcLintError('usage', `SVC_LINT_TODAY=${pinned}: expected a date written YYYY-MM-DD`);
  return pinned;
}
