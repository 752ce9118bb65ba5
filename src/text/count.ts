/** "1 file", "2 files": a count with the noun that agrees with it. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
