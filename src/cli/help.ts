export const helpText = `svc-lint: checks service manifests against the hot-path / smart-path language guidance

Usage:
  svc-lint [paths/globs...] [options]   lint manifests (default: the current directory)
  svc-lint rules                        list the rules with their severity
  svc-lint explain <rule-id>            a rule's description, rationale, remediation and example

Directories are searched for service.yaml, service.yml, *.service.yaml and *.service.yml
(node_modules and .git are skipped). Files given by name are linted whatever their name.

Options:
  -f, --format <name>[:<file>]   stylish (default), json, compact, github, sarif, junit, gitlab, markdown, html;
                                 repeat with :<file> to write several reports in one run
  -o, --output-file <file>       write the single format to a file instead of stdout
  -c, --config <file>            config file (default: .svc-lint.yaml found upward from the cwd)
      --no-config                use no config file
      --rule <id>:<severity>     override a rule's severity: off, info, warning or error (repeatable)
  -q, --quiet                    report only the findings that fail the run (errors, or down to --fail-on)
      --max-warnings <n>         exit 1 when there are more than n warnings
      --fail-on <severity>       lowest severity that fails the run: error (default), warning or info
      --color, --no-color        force colour on or off (otherwise NO_COLOR, FORCE_COLOR, then the terminal decide)
      --debug                    show the stack trace of an internal error
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes:
  0  no findings at or above --fail-on, and warnings within --max-warnings
  1  findings that fail the run
  2  usage error, invalid config, a path that does not exist, or an internal error
`;
