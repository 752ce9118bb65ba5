/** Build and dependency files that only one language's toolchain writes, by file name. */
const buildFilePatterns: readonly { pattern: RegExp; languageId: string }[] = [
  { pattern: /^go\.mod$/, languageId: 'go' },
  { pattern: /^pyproject\.toml$/, languageId: 'python' },
  { pattern: /^requirements.*\.txt$/, languageId: 'python' },
  { pattern: /^setup\.py$/, languageId: 'python' },
  { pattern: /^Pipfile$/, languageId: 'python' },
  { pattern: /^package\.json$/, languageId: 'node' },
  { pattern: /^Cargo\.toml$/, languageId: 'rust' },
  { pattern: /^pom\.xml$/, languageId: 'java' },
  { pattern: /^build\.gradle(\.kts)?$/, languageId: 'java' },
];

export function buildFileLanguage(fileName: string): string | undefined {
  return buildFilePatterns.find(({ pattern }) => pattern.test(fileName))?.languageId;
}
