export const queryKeys = {
  generation: (id: string) => ['generation', id] as const,
};
