export interface DockerStage {
  index: number;
  /** The image after ARG substitution, as written otherwise. */
  image: string;
  /** Lower-cased `AS` name; stage names are case-insensitive. */
  alias?: string;
  /** `COPY --from=` values, lower-cased: stage names, stage indexes or images. */
  copySources: string[];
}

interface Instruction {
  keyword: string;
  args: string;
}

/**
 * BuildKit's automatic platform ARGs, defined in the global scope (Dockerfile reference, "Automatic platform ARGs in
 * the global scope"), for the usual build on and for linux/amd64: `FROM binaries-$TARGETOS` names a stage.
 */
const automaticPlatformArgs: readonly [string, string][] = [
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
];

/** The stages of a Dockerfile; never throws, odd lines are ignored. */
export function parseDockerfile(text: string): DockerStage[] {
  const globalArgs = new Map<string, string>(automaticPlatformArgs);
  const stages: DockerStage[] = [];
  for (const { keyword, args } of instructions(text)) {
    const current = stages[stages.length - 1];
    if (keyword === 'ARG' && !current) {
      for (const [name, value] of parseArgDeclarations(args)) {
        // `ARG TARGETOS` without a default keeps the automatic value; a default may use the ARGs declared before it.
        if (value === undefined) globalArgs.set(name, globalArgs.get(name) ?? '');
        else globalArgs.set(name, substituteArgs(value, globalArgs));
      }
    } else if (keyword === 'FROM') {
      const stage = parseFrom(args, stages.length, globalArgs);
      if (stage) stages.push(stage);
    } else if (keyword === 'COPY' && current) {
      const from = /(?:^|\s)--from=(\S+)/i.exec(args)?.[1];
      if (from) current.copySources.push(stripQuotes(from).toLowerCase());
    }
  }
  return stages;
}

function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const escape = escapeCharacter(lines);
  const result: Instruction[] = [];
  let pending = '';
  // The heredocs the last instruction opened, in order: their bodies follow it, one after the other.
  let heredocs: Heredoc[] = [];
  for (const line of lines) {
    const heredoc = heredocs[0];
    if (heredoc) {
      if ((heredoc.chomp ? line.replace(/^\t+/, '') : line) === heredoc.name) heredocs = heredocs.slice(1);
      continue;
    }
    const trimmed = line.trim();
    // Comment and blank lines are dropped, even in the middle of a continued instruction.
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.endsWith(escape)) {
      pending += `${trimmed.slice(0, -1)} `;
      continue;
    }
    const instruction = toInstruction(`${pending}${trimmed}`);
    pending = '';
    if (!instruction) continue;
    result.push(instruction);
    if (heredocInstructions.has(instruction.keyword)) heredocs = heredocsOf(instruction.args);
  }
  const unfinished = toInstruction(pending);
  if (unfinished) result.push(unfinished);
  return result;
}

/** The instructions that take here-documents (Dockerfile reference, "Here-Documents"). */
const heredocInstructions = new Set(['RUN', 'COPY', 'ADD']);

interface Heredoc {
  name: string;
  /** `<<-`: tabs before the terminator are ignored. */
  chomp: boolean;
}

/**
 * The here-documents an instruction opens, as BuildKit finds them: a word of the line (quotes kept, so nothing
 * inside quotes counts) of the form `[n]<<[-]WORD`, where WORD contains no `<` (so `<<<` is a here-string, not a
 * heredoc) and may itself be quoted (`<<"EOF"`, `<<'EOF'`).
 */
function heredocsOf(args: string): Heredoc[] {
  const heredocs: Heredoc[] = [];
  for (const word of shellWords(args)) {
    const match = /^\d*<<(-?)([^<]+)$/.exec(word);
    if (!match) continue;
    const name = unquote(match[2]!);
    if (name !== undefined && name !== '') heredocs.push({ name, chomp: match[1] === '-' });
  }
  return heredocs;
}

/** Splits on unquoted whitespace, keeping quotes and backslashes in the words. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote === undefined && /\s/.test(char)) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += char;
    const escapes = char === '\\' && quote !== "'" && index + 1 < text.length;
    if (escapes) word += text[++index];
    else if (quote !== undefined && char === quote) quote = undefined;
    else if (quote === undefined && (char === '"' || char === "'")) quote = char;
  }
  if (word !== '') words.push(word);
  return words;
}

/** A heredoc name without its quotes; undefined when they do not match or the name is more than one word. */
function unquote(name: string): string | undefined {
  const quoted = /^(["'])(.*)\1$/.exec(name);
  if (quoted) return quoted[2];
  return /["'\s]/.test(name) ? undefined : name;
}

function toInstruction(logicalLine: string): Instruction | undefined {
  const match = /^(\w+)\s*(.*)$/s.exec(logicalLine.trim());
  return match ? { keyword: match[1]!.toUpperCase(), args: match[2] ?? '' } : undefined;
}

/** A `# escape=` parser directive may only appear before any other line. */
function escapeCharacter(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = /^#\s*(\w+)\s*=\s*(\S+)\s*$/.exec(line.trim());
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

function parseArgDeclarations(args: string): [string, string | undefined][] {
  const declarations: [string, string | undefined][] = [];
  for (const token of args.split(/\s+/)) {
    const match = /^(\w+)(?:=(.*))?$/.exec(token);
    if (match) declarations.push([match[1]!, match[2] === undefined ? undefined : stripQuotes(match[2])]);
  }
  return declarations;
}

function parseFrom(args: string, index: number, globalArgs: ReadonlyMap<string, string>): DockerStage | undefined {
  const tokens = args.split(/\s+/).filter((token) => token.length > 0 && !token.startsWith('--'));
  const image = tokens[0];
  if (!image) return undefined;
  const alias = tokens[1]?.toLowerCase() === 'as' ? tokens[2]?.toLowerCase() : undefined;
  return {
    index,
    image: substituteArgs(stripQuotes(image), globalArgs),
    ...(alias ? { alias } : {}),
    copySources: [],
  };
}

/** Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}`; unset names expand to nothing. */
export function substituteArgs(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{(\w+)(?::?([-+])([^}]*))?\}|\$(\w+)/g, (_match, braced, operator, word, bare) => {
    const value = args.get(braced ?? bare) ?? '';
    if (operator === '-') return value === '' ? word : value;
    if (operator === '+') return value === '' ? '' : word;
    return value;
  });
}

function stripQuotes(text: string): string {
  return text.replace(/^(["'])(.*)\1$/, '$2');
}
