/**
 * How long a test that spawns processes (the built CLI, git, pre-commit, a browser) or builds a 10,000-service graph
 * may take. Idle, such a test takes a second or two; on a busy two-core machine it has taken more than vitest's default
 * of 5 s, which failed runs that were otherwise green. Throughput itself is measured by `npm run bench`, not here.
 */
export const slowTestTimeout = 60_000;
