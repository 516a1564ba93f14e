/** The watch route's query: what this page shows of each watched generation. */
export function watchQuery(ids: readonly string[], versionOf: (id: string) => string | undefined): string {
  const pairs = [...ids].sort().map((id) => `${id}~${versionOf(id) ?? ''}`);
  return `w=${encodeURIComponent(pairs.join(','))}`;
}
