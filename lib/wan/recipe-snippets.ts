import { orderedRecipe } from '@/lib/generation/recipe';
import type { ConcreteGenerationRequest } from '@/lib/generation/schema';
import { createPath, statusPath } from './client';
import { toWanCreateBody } from './request-body';

export type RecipeSnippets = { json: string; curl: string; typescript: string };

/** POSIX single quotes: nothing inside is expanded; a `'` is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Where a webhook recipe's snippets say the result goes: a stand-in for the reader's own receiver, as the
 * contract describes `callback_url`. Never the studio's own callback URL, which carries the clip's secret.
 */
export const CALLBACK_URL_PLACEHOLDER = 'https://your-server.example/wan-callback';

export function recipeSnippets(request: ConcreteGenerationRequest, apiBaseUrl: string): RecipeSnippets {
  const root = apiBaseUrl.replace(/\/+$/, '');
  const body = JSON.stringify(toWanCreateBody(request, request.requestType === 'callback' ? CALLBACK_URL_PLACEHOLDER : undefined), null, 2);
  return {
    json: JSON.stringify(orderedRecipe(request), null, 2),
    curl: curlSnippet(root, createPath(request.model), body),
    typescript: typescriptSnippet({ root, body, callback: request.requestType === 'callback', paths: { create: createPath(request.model), status: statusPath(request.model) } }),
  };
}

function curlSnippet(root: string, path: string, body: string): string {
  return [
    `curl -sS -X POST ${shellQuote(`${root}${path}`)} \\`,
    `  -H "Authorization: Bearer $WAN_API_KEY" \\`,
    `  -H 'Accept: application/json' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw ${shellQuote(body)}`,
  ].join('\n');
}

function typescriptSnippet({ root, body, callback, paths }: { root: string; body: string; callback: boolean; paths: { create: string; status: string } }): string {
  const delivery = callback ? '// Webhook delivery: the service POSTs the result to callback_url (put your own receiver there); this script polls too.\n' : '';
  return `// Run with WAN_API_KEY set: npx tsx wan-recipe.ts
${delivery}const BASE_URL = ${JSON.stringify(root)};
const POLL_MS = 5_000;

const body = ${body};

type Status = { state: 'pending' | 'processing' | 'success' | 'failed'; resultJson?: string; failCode?: string; failMsg?: string };

async function call<T>(path: string, json?: unknown): Promise<T> {
  const response = await fetch(\`\${BASE_URL}\${path}\`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: \`Bearer \${process.env.WAN_API_KEY}\`,
      Accept: 'application/json',
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const envelope = (await response.json()) as { code: number; message: string; data?: T };
  if (!response.ok || envelope.code !== 200 || envelope.data === undefined) {
    throw new Error(\`\${response.status} \${envelope.message} \${JSON.stringify(envelope.data ?? {})}\`);
  }
  return envelope.data;
}

async function main(): Promise<void> {
  const { taskId } = await call<{ taskId: string }>(${JSON.stringify(paths.create)}, body);
  console.log(\`task \${taskId}\`);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const status = await call<Status>(\`${paths.status}?taskId=\${encodeURIComponent(taskId)}\`);
    if (status.state === 'failed') throw new Error(\`failed: \${status.failCode} \${status.failMsg}\`);
    if (status.state === 'success') {
      // resultJson is a JSON string inside the JSON answer: parse it again.
      const { resultUrls } = JSON.parse(status.resultJson ?? '{}') as { resultUrls: string[] };
      console.log(resultUrls[0]);
      return;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`;
}
