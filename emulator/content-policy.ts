/** Words that make a task fail with CONTENT_VIOLATION, so tests and demos can trigger the failure path. */
export const BLOCKED_PROMPT_WORDS: readonly string[] = ['forbidden', 'gore', 'nsfw'];

export const CONTENT_VIOLATION = {
  failCode: 'CONTENT_VIOLATION',
  failMsg: 'Content violates safety guidelines',
} as const;

export function violatesContentPolicy(prompt: string): boolean {
  const words = prompt.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.some((word) => BLOCKED_PROMPT_WORDS.includes(word));
}
