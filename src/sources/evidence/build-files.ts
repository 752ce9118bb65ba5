/** What a build file says about the language of the code beside it. */
export interface BuildFileFinding {
  languageId: string;
  /** Why, when the file name alone does not say it: `it applies the Kotlin plugin`. */
  reason?: string;
}

interface BuildFileKind {
  pattern: RegExp;
  /** The language the file name alone implies. */
  languageId?: string;
  /** Reads the file when its name does not settle the language (a Gradle build, a CMake project, a solution). */
  fromText?: (text: string) => BuildFileFinding[];
}

/**
 * Build and dependency files that only one language's toolchain writes, by file name; a few are read to tell
 * languages that share a build tool apart.
 */
const buildFileKinds: readonly BuildFileKind[] = [
  { pattern: /^go\.mod$/, languageId: 'go' },
  { pattern: /^pyproject\.toml$/, languageId: 'python' },
  { pattern: /^requirements.*\.txt$/, languageId: 'python' },
  { pattern: /^setup\.py$/, languageId: 'python' },
  { pattern: /^Pipfile$/, languageId: 'python' },
  { pattern: /^package\.json$/, languageId: 'node' },
  { pattern: /^Cargo\.toml$/, languageId: 'rust' },
  { pattern: /^pom\.xml$/, languageId: 'java' },
  { pattern: /^build\.gradle(\.kts)?$/, fromText: gradleLanguages },
  { pattern: /^build\.sbt$/, languageId: 'scala' },
  { pattern: /^.+\.csproj$/, languageId: 'csharp' },
  { pattern: /^.+\.fsproj$/, languageId: 'fsharp' },
  { pattern: /^.+\.slnx?$/, fromText: solutionLanguages },
  { pattern: /^Gemfile$/, languageId: 'ruby' },
  { pattern: /^composer\.json$/, languageId: 'php' },
  { pattern: /^mix\.exs$/, languageId: 'elixir' },
  { pattern: /^CMakeLists\.txt$/, fromText: cmakeLanguages },
  { pattern: /^Package\.swift$/, languageId: 'swift' },
];

export type BuildFileMatch = { languageId: string } | { read: (text: string) => BuildFileFinding[] };

/** What the file name says: a language, or that the file must be read to know; undefined for other files. */
export function buildFileKind(fileName: string): BuildFileMatch | undefined {
  const kind = buildFileKinds.find(({ pattern }) => pattern.test(fileName));
  if (!kind) return undefined;
  if (kind.fromText) return { read: kind.fromText };
  return kind.languageId === undefined ? undefined : { languageId: kind.languageId };
}

/**
 * The Kotlin Gradle plugin, in the forms its documentation gives: `kotlin("jvm")` and the other platform shortcuts,
 * the plugin ids `org.jetbrains.kotlin.*`, a version-catalog alias `libs.plugins.kotlin…`, `apply plugin: 'kotlin'`.
 */
const kotlinPlugin =
  /\bkotlin\s*\(\s*["'](?:jvm|android|multiplatform|js)["']\s*\)|["']org\.jetbrains\.kotlin\.(?:jvm|android|multiplatform|js)["']|\blibs\.plugins\.kotlin\b|apply\s*\(?\s*plugin\s*[:=]\s*["']kotlin(?:-android)?["']/;

function gradleLanguages(text: string): BuildFileFinding[] {
  if (kotlinPlugin.test(text)) return [{ languageId: 'kotlin', reason: 'it applies the Kotlin plugin' }];
  return [{ languageId: 'java' }];
}

/**
 * A CMake project enables C and C++ unless `project()` names its languages (`project(name C)`,
 * `project(name LANGUAGES C CXX)`); C alone is evidence for C only.
 */
function cmakeLanguages(text: string): BuildFileFinding[] {
  const project = /^\s*project\s*\(\s*[^\s)]+([^)]*)\)/im.exec(text);
  const words = (project?.[1] ?? '').split(/\s+/).filter((word) => word !== '');
  const languages = words.includes('LANGUAGES') ? words.slice(words.indexOf('LANGUAGES') + 1) : words;
  if (languages.includes('C') && !languages.includes('CXX')) return [{ languageId: 'c', reason: 'its project() enables C alone' }];
  return [{ languageId: 'cpp' }];
}

const projectFileLanguages: Record<string, string> = { cs: 'csharp', fs: 'fsharp', vcx: 'cpp' };

/** A Visual Studio solution (`.sln`, `.slnx`) names its project files; their extensions give the languages. */
function solutionLanguages(text: string): BuildFileFinding[] {
  const found = new Map<string, BuildFileFinding>();
  for (const match of text.matchAll(/[^\s"'<>=]+\.(cs|fs|vcx)proj\b/gi)) {
    const languageId = projectFileLanguages[match[1]!.toLowerCase()]!;
    if (!found.has(languageId)) found.set(languageId, { languageId, reason: `it lists ${match[0].replaceAll('\\', '/')}` });
  }
  return [...found.values()];
}
