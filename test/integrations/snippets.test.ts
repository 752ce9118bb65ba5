import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { makeWorkspace, parseJsonReport, removeWorkspaces, runCli, type JsonFinding } from '../cli/run-cli.js';
import { readSnippets, snippetFor } from './doc-snippets.js';
import { repositoryRoot } from './processes.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const snippets = readSnippets();

/** A workspace holding the bundled examples, which produce findings of every severity. */
function examplesWorkspace(): string {
  const root = makeWorkspace();
  cpSync(join(repositoryRoot, 'fixtures/examples'), join(root, 'services'), { recursive: true });
  return root;
}

/** The arguments of an `npx svc-lint …` command line (the snippets quote nothing). */
function svcLintArgs(commandLine: string): string[] {
  const match = /(?:^|\s)npx svc-lint((?:\s+\S+)*)\s*$/.exec(commandLine);
  if (!match) throw new Error(`not an npx svc-lint command: ${commandLine}`);
  return match[1]!.trim().split(/\s+/).filter((word) => word !== '');
}

function reportFile(args: readonly string[], format: string): string {
  const value = args.find((arg) => arg.startsWith(`${format}:`));
  if (!value) throw new Error(`no --format ${format}:<file> in ${args.join(' ')}`);
  return value.slice(format.length + 1);
}

function expectedFindings(root: string): JsonFinding[] {
  const findings = parseJsonReport(runCli(['--format', 'json'], { cwd: root })).findings;
  expect(new Set(findings.map((finding) => finding.severity))).toEqual(new Set(['error', 'warning', 'info']));
  return findings;
}

describe('every snippet in docs/integrations.md parses', () => {
  it('has the blocks the tests below read', () => {
    expect(snippets.filter((snippet) => snippet.fileName).map((snippet) => [snippet.fileName, snippet.variant].filter(Boolean).join(' '))).toEqual([
      '.pre-commit-config.yaml',
      '.pre-commit-config.yaml local',
      'package.json',
      '.husky/pre-commit',
      '.github/workflows/svc-lint.yml',
      '.gitlab-ci.yml',
      'Jenkinsfile',
      '.vscode/tasks.json',
    ]);
  });

  it.each(snippets.filter((snippet) => snippet.language === 'yaml').map((snippet) => [snippet.fileName, snippet] as const))(
    'YAML %s',
    (_name, snippet) => {
      const errors = parseAllDocuments(snippet.text).flatMap((document) => ('errors' in document ? document.errors : []));
      expect(errors.map((error) => `line ${snippet.line}: ${error.message}`)).toEqual([]);
    },
  );

  it.each(snippets.filter((snippet) => snippet.language === 'json').map((snippet) => [snippet.fileName, snippet] as const))(
    'JSON %s',
    (_name, snippet) => {
      expect(() => JSON.parse(snippet.text)).not.toThrow();
    },
  );
});

describe('husky hook', () => {
  it('runs lint-staged, which the package.json snippet configures', () => {
    expect(snippetFor('.husky/pre-commit').text).toBe('npx lint-staged\n');
    expect(JSON.parse(snippetFor('package.json').text)).toMatchObject({ scripts: { prepare: 'husky' } });
  });
});

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('GitHub Actions job', () => {
  const workflow = parse(snippetFor('.github/workflows/svc-lint.yml').text) as {
    on: Record<string, unknown>;
    jobs: Record<string, { permissions: Record<string, string>; steps: WorkflowStep[] }>;
  };
  const job = workflow.jobs['svc-lint']!;
  const lintStep = job.steps.find((step) => step.run?.includes('svc-lint'))!;
  const uploadStep = job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  const args = svcLintArgs(lintStep.run!);

  it('checks out, sets up Node, installs, lints, then uploads the SARIF report even when the lint step fails', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(job.steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.run)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci',
      lintStep.run,
      'github/codeql-action/upload-sarif',
    ]);
    expect(uploadStep.if).toBe('always()');
    expect(uploadStep.with?.sarif_file).toBe(reportFile(args, 'sarif'));
    expect(job.permissions['security-events']).toBe('write');
  });

  it('prints only annotations and writes the SARIF file the upload step reads, and the step summary', () => {
    const root = examplesWorkspace();
    const findings = expectedFindings(root);
    const summary = join(root, 'step-summary.md');
    const run = runCli(args, { cwd: root, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(run.status).toBe(1);
    const annotations = run.stdout.trimEnd().split('\n');
    expect(annotations).toHaveLength(findings.length);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice) file=services\//);
    const sarif = JSON.parse(readFileSync(resolve(root, String(uploadStep.with!.sarif_file)), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(findings.length);
    const summaryText = readFileSync(summary, 'utf8');
    for (const finding of findings) expect(summaryText).toContain(finding.ruleId);
  });
});

describe('GitLab CI job', () => {
  const config = parse(snippetFor('.gitlab-ci.yml').text) as Record<
    string,
    { script: string[]; artifacts: { when: string; reports: { codequality: string; junit: string } } }
  >;
  const job = config['svc-lint']!;
  const lintLine = job.script.find((line) => line.includes('svc-lint'))!;
  const args = svcLintArgs(lintLine);

  it('keeps the reports of a failed job and names the files the command writes', () => {
    expect(job.script).toEqual(['npm ci', lintLine]);
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.codequality).toBe(reportFile(args, 'gitlab'));
    expect(job.artifacts.reports.junit).toBe(reportFile(args, 'junit'));
  });

  it('writes both reports', () => {
    const root = examplesWorkspace();
    const findings = expectedFindings(root);
    const run = runCli(args, { cwd: root });
    expect(run.status).toBe(1);
    const codeQuality = JSON.parse(readFileSync(join(root, job.artifacts.reports.codequality), 'utf8')) as { check_name: string }[];
    expect(codeQuality.map((issue) => issue.check_name)).toEqual(findings.map((finding) => finding.ruleId));
    expect(readFileSync(join(root, job.artifacts.reports.junit), 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
  });
});

describe('Jenkins stage', () => {
  const jenkinsfile = snippetFor('Jenkinsfile').text;
  const shellScript = /sh\(returnStatus: true, script: '([^']+)'\)/.exec(jenkinsfile)?.[1];
  const junitPattern = /junit testResults: '([^']+)'/.exec(jenkinsfile)?.[1];
  const sarifPattern = /sarif\([^)]*pattern: '([^']+)'\)/.exec(jenkinsfile)?.[1];

  it('keeps the exit code, records the JUnit report, then fails on 1 and 2', () => {
    expect(shellScript).toBeDefined();
    const args = svcLintArgs(shellScript!);
    expect(junitPattern).toBe(reportFile(args, 'junit'));
    expect(sarifPattern).toBe(reportFile(args, 'sarif'));
    expect(jenkinsfile.indexOf('junit testResults')).toBeLessThan(jenkinsfile.indexOf('error '));
    expect(jenkinsfile).toContain('if (status == 2)');
    expect(jenkinsfile).toContain('if (status != 0)');
  });

  it('writes the reports the junit and recordIssues steps read', () => {
    const root = examplesWorkspace();
    const run = runCli(svcLintArgs(shellScript!), { cwd: root });
    expect(run.status).toBe(1);
    expect(existsSync(join(root, junitPattern!))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, sarifPattern!), 'utf8')).version).toBe('2.1.0');
  });
});

interface ProblemPattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: number;
  code: number;
  message: number;
}

interface Task {
  label: string;
  command: string;
  problemMatcher: { base?: string; severity?: string; fileLocation: unknown; pattern?: ProblemPattern };
}

// VS Code's built-in `eslint-compact` pattern (src/vs/workbench/contrib/tasks/common/problemMatcher.ts).
const eslintCompactPattern: ProblemPattern = {
  regexp: '^(.+):\\sline\\s(\\d+),\\scol\\s(\\d+),\\s(Error|Warning|Info)\\s-\\s(.+)\\s\\((.+)\\)$',
  file: 1,
  line: 2,
  column: 3,
  severity: 4,
  message: 5,
  code: 6,
};

/** VS Code's reading of a severity word: error, warning, info (any case), else the matcher's default, else error. */
function vscodeSeverity(word: string, matcherDefault: string | undefined): string {
  const known = ['error', 'warning', 'info'];
  const lower = word.toLowerCase();
  if (known.includes(lower)) return lower;
  return matcherDefault ?? 'error';
}

/** What VS Code's single-line matcher makes of each output line, in the terms of svc-lint's JSON findings. */
function problemsFrom(output: string, pattern: ProblemPattern, matcherDefault: string | undefined) {
  const regexp = new RegExp(pattern.regexp);
  return output
    .trimEnd()
    .split('\n')
    .map((line) => {
      const groups = regexp.exec(line);
      if (!groups) throw new Error(`the matcher does not read: ${line}`);
      return {
        file: groups[pattern.file],
        line: Number(groups[pattern.line]),
        column: Number(groups[pattern.column]),
        ...(pattern.endLine && { endLine: Number(groups[pattern.endLine]) }),
        ...(pattern.endColumn && { endColumn: Number(groups[pattern.endColumn]) }),
        severity: vscodeSeverity(groups[pattern.severity]!, matcherDefault),
        ruleId: groups[pattern.code],
        message: groups[pattern.message],
      };
    });
}

describe('VS Code tasks', () => {
  const tasks = (JSON.parse(snippetFor('.vscode/tasks.json').text) as { version: string; tasks: Task[] }).tasks;
  const [compactTask, rangesTask] = tasks as [Task, Task];
  let root: string;
  let findings: JsonFinding[];

  beforeAll(() => {
    root = examplesWorkspace();
    findings = expectedFindings(root);
  });

  it('run from the workspace folder and resolve paths against it', () => {
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(task.problemMatcher.fileLocation).toEqual(['relative', '${workspaceFolder}']);
    expect(compactTask.problemMatcher.base).toBe('$eslint-compact');
  });

  it('$eslint-compact reads every compact line as the finding it reports', () => {
    const run = runCli(svcLintArgs(compactTask.command), { cwd: root });
    expect(run.status).toBe(1);
    expect(problemsFrom(run.stdout, eslintCompactPattern, undefined)).toEqual(
      findings.map((finding) => ({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        severity: finding.severity,
        ruleId: finding.ruleId,
        message: finding.message,
      })),
    );
  });

  it('the custom matcher also reads the end line and column, and maps notices to info', () => {
    const run = runCli(svcLintArgs(rangesTask.command), { cwd: root });
    expect(run.status).toBe(1);
    const matcher = rangesTask.problemMatcher;
    expect(problemsFrom(run.stdout, matcher.pattern!, matcher.severity)).toEqual(
      findings.map((finding) => ({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        severity: finding.severity,
        ruleId: finding.ruleId,
        message: finding.message,
      })),
    );
  });
});

describe('the README copies of the snippets', () => {
  const readme = join(repositoryRoot, 'README.md');
  const copies = readSnippets(readme).filter((snippet) => snippet.fileName !== undefined);

  it('include both pre-commit setups, GitHub Actions, GitLab CI, Jenkins and VS Code', () => {
    expect(copies.map((snippet) => [snippet.fileName, snippet.variant].filter(Boolean).join(' '))).toEqual(
      expect.arrayContaining(['.pre-commit-config.yaml', '.pre-commit-config.yaml local', '.github/workflows/svc-lint.yml', '.gitlab-ci.yml', 'Jenkinsfile', '.vscode/tasks.json']),
    );
  });

  it.each(copies.map((snippet) => [[snippet.fileName, snippet.variant].filter(Boolean).join(' '), snippet] as const))(
    '%s is the tested one from docs/integrations.md',
    (_name, copy) => {
      expect(copy.text).toBe(snippetFor(copy.fileName!, copy.variant).text);
    },
  );
});
