import { formatsFor } from '../output/formats.js';
import type { OutputCommand } from '../output/format.js';

/** "a, b or c", as a sentence lists the formats of a command. */
function spokenList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

const formatNamesOf = (command: OutputCommand) => formatsFor(command).map((format) => format.name);

function formatSection(): string {
  const lines = (['lint', 'report', 'graph'] as const).flatMap((command) => [
    `  ${command === 'lint' ? 'svc-lint' : `svc-lint ${command}`}:`,
    ...formatsFor(command).map((format, index) => `    ${format.name.padEnd(10)}${format.description}${index === 0 ? ' (default)' : ''}`),
  ]);
  return `Formats (--format <name>), by command:\n${lines.join('\n')}\n`;
}

/** `svc-lint --help`: the formats come from the output registry. */
export const helpText = () => `svc-lint: checks service manifests against the hot-path / smart-path language guidance

Usage:
  svc-lint [paths/globs...] [options]   lint manifests (default: the config's include, else the current directory)
  svc-lint rules [--format json]        list the rules with their severity
  svc-lint explain <rule-id>            a rule's description, rationale, remediation and example
  svc-lint init [dir|file]              write a starter service.yaml (--name, --language, --workload)
  svc-lint baseline [--prune]           record the current findings so that only new ones fail
  svc-lint report [paths...]            capacity and cost per service (--format ${spokenList(formatNamesOf('report'))})
  svc-lint graph [paths...]             the service graph (--format ${spokenList(formatNamesOf('graph'))})
  svc-lint lsp --stdio                  the language server, for an editor to start

Directories are searched for service.yaml, service.yml, *.service.yaml, *.service.yml and Backstage
catalog-info.yaml files (node_modules and .git are skipped). Files given by name are linted whatever their name.
A path, glob or config include that selects no manifest is an error (exit 2).

Options:
  -f, --format <name>[:<file>]   the output format (see Formats); repeat with :<file> to write several reports
                                 in one run
  -o, --output-file <file>       write the single format to a file instead of stdout
  -c, --config <file>            config file (default: .svc-lint.yaml found upward from the cwd)
      --no-config                use no config file
      --rule <id>:<severity>     override a rule's severity: off, info, warning (or warn) or error (repeatable)
  -q, --quiet                    report only the findings that fail the run (errors, or down to --fail-on)
      --max-warnings <n>         exit 1 when there are more than n warnings (-1: no limit)
      --fail-on <severity>       lowest severity that fails the run: error (default), warning or info
      --stdin --stdin-filename <path>
                                 lint the text on stdin as if it were that file (an editor buffer)
      --baseline <file>          only findings beyond this baseline count (default: the config's baseline, else
                                 .svc-lint-baseline.json when it exists); --no-baseline compares with none
      --cache                    keep what unchanged workspace manifests declare in .svc-lint-cache (beside the
                                 config), so the graph rules of the next run read only the files that changed
      --cache-location <file>    keep the cache in this file instead
      --no-inline-suppressions   ignore # svc-lint-disable directives
      --no-error-on-unmatched-pattern
                                 let paths, globs and include that select no manifest pass with a note
      --concurrency <n|auto|off> threads that read and parse manifests (default auto: one per core, up to four,
                                 from 5,000 files to read without --cache); off reads on one thread
      --force                    let init, baseline and report files replace an existing manifest; let baseline
                                 create a new file while CI is set
      --color, --no-color        force colour on or off (otherwise NO_COLOR, FORCE_COLOR, then the terminal decide)
      --debug                    list the files and documents skipped as not svc-lint's, and show the stack
                                 trace of an internal error
  -h, --help                     show this help
  -v, --version                  show the version

${formatSection()}
Environment:
  SVC_LINT_TODAY=YYYY-MM-DD      the date expiring suppressions and waivers are judged on

Exit codes:
  0  no findings at or above --fail-on, and warnings within --max-warnings
  1  findings that fail the run
  2  usage error, invalid config, a path that does not exist or selects no manifest, a file that cannot be
     written, or an internal error
`;
