import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME_BINARY = '/usr/bin/time';
const RSS_MARKER = 'svc-lint-bench-max-rss-kb=';

export const canMeasureRss = existsSync(TIME_BINARY);

/**
 * Runs `node <args>` as a whole process and returns its wall time, peak RSS (when GNU time is
 * available), exit code and output. Wall time covers spawn to exit, so startup is included.
 */
export function runNode(args, { cwd, timeoutMs = 15 * 60 * 1000 } = {}) {
  const command = canMeasureRss ? TIME_BINARY : process.execPath;
  const commandArgs = canMeasureRss ? ['-f', `${RSS_MARKER}%M`, process.execPath, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const { rssMb, otherStderr } = splitRss(Buffer.concat(stderr).toString('utf8'));
      resolve({ wallMs, rssMb, exitCode, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: otherStderr });
    });
  });
}

/** GNU time appends its line to the child's stderr; take it out so the child's own stderr stays readable. */
function splitRss(stderr) {
  const lines = stderr.split('\n');
  const markerIndex = lines.findLastIndex((line) => line.startsWith(RSS_MARKER));
  if (markerIndex === -1) return { rssMb: null, otherStderr: stderr };
  const rssKb = Number(lines[markerIndex].slice(RSS_MARKER.length));
  lines.splice(markerIndex, 1);
  const otherStderr = lines.filter((line) => !line.startsWith('Command exited with non-zero status')).join('\n');
  return { rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : null, otherStderr };
}

export function median(values) {
  const present = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  return present.length % 2 === 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
}
