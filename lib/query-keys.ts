export const queryKeys = {
  generation: (id: string) => ['generation', id] as const,
  watch: (ids: readonly string[]) => ['watch', ids.join(',')] as const,
};
