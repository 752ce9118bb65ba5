/** Official and well-known runtime images, by the last segment of the repository path. */
const imageNames: Record<string, string> = {
  golang: 'go',
  go: 'go',
  python: 'python',
  pypy: 'python',
  node: 'node',
  rust: 'rust',
  'eclipse-temurin': 'java',
  openjdk: 'java',
  amazoncorretto: 'java',
  'ibm-semeru-runtimes': 'java',
  ibmjava: 'java',
  sapmachine: 'java',
  maven: 'java',
  gradle: 'java',
  ruby: 'ruby',
  php: 'php',
  composer: 'php',
  elixir: 'elixir',
  swift: 'swift',
  gcc: 'cpp',
  mono: 'csharp',
};

const imageNamePrefixes: readonly { prefix: string; languageId: string }[] = [
  { prefix: 'zulu-openjdk', languageId: 'java' },
  { prefix: 'liberica-openjdk', languageId: 'java' },
];

/** Distroless images carry the runtime in the name: `python3-debian12`, `nodejs20-debian12`, `java17`. */
const distrolessPrefixes: readonly { prefix: string; languageId: string }[] = [
  { prefix: 'python', languageId: 'python' },
  { prefix: 'nodejs', languageId: 'node' },
  { prefix: 'java', languageId: 'java' },
];

/** The repository path of an image reference, lower-cased, without registry defaults, tag or digest. */
export function imageRepository(image: string): string {
  let repository = image.trim().toLowerCase();
  const digestAt = repository.indexOf('@');
  if (digestAt >= 0) repository = repository.slice(0, digestAt);
  const lastSlash = repository.lastIndexOf('/');
  const tagColon = repository.indexOf(':', lastSlash + 1);
  if (tagColon >= 0) repository = repository.slice(0, tagColon);
  return repository.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '');
}

/** The language an image's runtime implies; undefined for OS and unknown images. */
export function imageLanguage(image: string): string | undefined {
  const repository = imageRepository(image);
  // Microsoft's .NET images: mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps,…}.
  if (repository.startsWith('mcr.microsoft.com/dotnet/')) return 'csharp';
  const segments = repository.split('/');
  const name = segments[segments.length - 1] ?? '';
  if (segments.includes('distroless')) {
    return distrolessPrefixes.find(({ prefix }) => name.startsWith(prefix))?.languageId;
  }
  return imageNames[name] ?? imageNamePrefixes.find(({ prefix }) => name.startsWith(prefix))?.languageId;
}
