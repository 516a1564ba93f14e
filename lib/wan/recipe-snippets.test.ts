import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_A, startTestEmulator, type TestEmulator } from '@/emulator/test-kit';
import { generationRequestSchema, type ConcreteGenerationRequest } from '@/lib/generation/schema';
import { toWanCreateBody } from './request-body';
import { recipeSnippets, shellQuote } from './recipe-snippets';

const run = promisify(execFile);
const BASE = 'https://api.apixo.ai/api/v1/';
const tricky = `it's a "quote" test\nline two: $HOME \`id\` \\n !! ; exit 7 ' ''`;

const request = (input: Record<string, unknown> = {}): ConcreteGenerationRequest => ({
  ...generationRequestSchema.parse({ prompt: tricky, negativePrompt: "don't blur", ...input }),
  seed: 42,
});

/** Runs the curl text in bash with `curl` replaced by a function that prints its arguments NUL-separated. */
function curlArgs(curl: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${curl}`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script], { env: { ...process.env, PATH: process.env.PATH ?? '', ...env } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

function bodyLiteralOf(typescript: string): unknown {
  const literal = /\nconst body = (\{[\s\S]*?\n\});\n/.exec(typescript)?.[1];
  if (!literal) throw new Error('no body literal in the snippet');
  return JSON.parse(literal);
}

describe('recipeSnippets', () => {
  it('sends a wan-2-5-video recipe to that model’s endpoints, in curl and TypeScript', () => {
    const { curl, typescript, json } = recipeSnippets(request({ model: 'wan-2-5-video', resolution: '480p' }), BASE);
    expect(curlArgs(curl)).toContain('https://api.apixo.ai/api/v1/generateTask/wan-2-5-video');
    expect(typescript).toContain('"/generateTask/wan-2-5-video"');
    expect(typescript).toContain('`/statusTask/wan-2-5-video?taskId=');
    expect(JSON.parse(json)).toMatchObject({ model: 'wan-2-5-video', resolution: '480p' });
    expect(recipeSnippets(request(), BASE).typescript).toContain('"/generateTask/wan-2-5"');
  });

  it('gives the recipe as JSON in a fixed key order, exactly the request fields', () => {
    const { json } = recipeSnippets(request(), BASE);
    expect(JSON.parse(json)).toEqual(request());
    expect(Object.keys(JSON.parse(json))).toEqual([
      'model', 'mode', 'prompt', 'negativePrompt', 'resolution', 'aspectRatio', 'duration', 'seed', 'enablePromptExpansion', 'provider', 'requestType',
    ]);
  });

  it('quotes the curl body so bash hands curl exactly the create body, apostrophes and newlines included', () => {
    const sent = request();
    const args = curlArgs(recipeSnippets(sent, BASE).curl);
    expect(JSON.parse(args.at(-1) ?? '')).toEqual(toWanCreateBody(sent));
    expect(args.slice(0, -1)).toEqual([
      '-sS', '-X', 'POST', 'https://api.apixo.ai/api/v1/generateTask/wan-2-5',
      '-H', 'Authorization: Bearer ', '-H', 'Accept: application/json', '-H', 'Content-Type: application/json', '--data-raw',
    ]);
  });

  it('round-trips image-to-video bodies and any string through shellQuote', () => {
    const sent = request({ mode: 'image-to-video', imageUrls: ["https://example.com/o'clock.png"], negativePrompt: undefined });
    expect(JSON.parse(curlArgs(recipeSnippets(sent, BASE).curl).at(-1) ?? '')).toEqual(toWanCreateBody(sent));
    for (const text of ["'", "''", "a'b", '', '\n', "'\\''", '$(id)']) {
      expect(curlArgs(`curl ${shellQuote(text)}`)).toEqual([text]);
    }
  });

  it('never inlines a key: the shell expands $WAN_API_KEY, TypeScript reads process.env', () => {
    const previous = process.env.WAN_API_KEY;
    process.env.WAN_API_KEY = 'sk-live-should-not-leak';
    try {
      const { curl, typescript, json } = recipeSnippets(request(), BASE);
      for (const text of [curl, typescript, json]) expect(text).not.toContain('sk-live-should-not-leak');
      expect(curl.match(/Bearer/g)).toHaveLength(1);
      expect(curl).toContain('-H "Authorization: Bearer $WAN_API_KEY"');
      expect(typescript.match(/Bearer/g)).toHaveLength(1);
      expect(typescript).toContain('Bearer ${process.env.WAN_API_KEY}');
      expect(curlArgs(curl, { WAN_API_KEY: 'from-the-shell' })).toContain('Authorization: Bearer from-the-shell');
    } finally {
      if (previous === undefined) delete process.env.WAN_API_KEY;
      else process.env.WAN_API_KEY = previous;
    }
  });

  it('puts the same body in the TypeScript snippet as in the curl call', () => {
    const sent = request();
    const { curl, typescript } = recipeSnippets(sent, BASE);
    expect(bodyLiteralOf(typescript)).toEqual(JSON.parse(curlArgs(curl).at(-1) ?? ''));
    expect(bodyLiteralOf(typescript)).toEqual(toWanCreateBody(sent));
  });
});

describe('recipe snippets against the emulator', () => {
  let emulator: TestEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startTestEmulator({ timeScale: 0.005 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-snippet-'));
  });
  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the real curl creates a task', async () => {
    const { curl } = recipeSnippets(request(), emulator.apiBaseUrl);
    // Asynchronously: the emulator answers from this process's event loop.
    const { stdout } = await run('bash', ['--norc', '--noprofile', '-c', curl], { env: { ...process.env, WAN_API_KEY: KEY_A } });
    expect(JSON.parse(stdout)).toMatchObject({ code: 200, data: { taskId: expect.stringMatching(/^task_/) } });
  });

  it('the TypeScript snippet creates a task, polls it and prints the video URL', async () => {
    const { typescript } = recipeSnippets(request(), emulator.apiBaseUrl);
    const file = path.join(dir, 'wan-recipe.ts');
    fs.writeFileSync(file, typescript.replace('const POLL_MS = 5_000;', 'const POLL_MS = 50;'));
    const tsx = path.resolve('node_modules/.bin/tsx');
    const { stdout } = await run(tsx, [file], { env: { ...process.env, WAN_API_KEY: KEY_A } });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^task task_/);
    expect(lines.at(-1)).toMatch(new RegExp(`^${emulator.apiBaseUrl.replace(/\/api\/v1$/, '')}/.+`));
  });

  it('the TypeScript snippet type-checks on its own under strict', () => {
    const file = path.join(dir, 'strict-check.ts');
    fs.writeFileSync(file, recipeSnippets(request(), BASE).typescript);
    const options = { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, types: ['node'], typeRoots: [path.resolve('node_modules/@types')] };
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], options));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});
