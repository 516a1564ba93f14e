import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { countBatch, listBatch } from '@/db/queries/gallery';
import { generations } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { createOwner, type Owner } from '@/test/fixtures';
import { storeOnlyDeps } from '@/test/store-only-deps';
import { batchBaseSchema } from './batch-base';
import { batchCsv } from './batch-csv';
import { previewBatch, startBatch } from './batch-plan';
import { parse } from 'csv-parse/sync';

// 720p costs 6 cents a second and 1080p 10 here: a 5 s 720p clip is 30 cents.
const NOW = new Date('2026-12-02T10:00:00Z');
const base = batchBaseSchema.parse({});

async function* body(text: string) {
  yield new TextEncoder().encode(text);
}

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvForTests();
}

let owner: Owner;
let people = 0;
beforeEach(async () => {
  await getDb().delete(generations);
  setEnv({ PRICE_720P_CENTS_PER_SECOND: '6', PRICE_1080P_CENTS_PER_SECOND: '10', HOURLY_QUOTA: '100', SWEEP_BUDGET_CENTS: '1000', PERSON_DAILY_BUDGET_CENTS: '100000', STUDIO_DAILY_BUDGET_CENTS: '100000' });
  owner = await createOwner(`batcher-${++people}@example.test`);
});
afterEach(() => resetEnvForTests());

const SHOTS = 'shot,prompt,resolution,duration,seed\n1,"a lighthouse at dawn, slow dolly in",720p,5,7\n2,waves on black rocks,1080p,10,8\n3,"=HYPERLINK(""http://x.example"")",720p,10,\n';

describe('previewing a batch file', () => {
  it('prices every row, counts against the cap per batch, and stores nothing', async () => {
    const previewed = await previewBatch({ ...owner, source: body(SHOTS), format: 'csv', base }, storeOnlyDeps(NOW, async () => 42));
    expect(previewed.ok).toBe(true);
    if (!previewed.ok) return;
    const { preview } = previewed;
    expect(preview.rows.map((row) => [row.row, row.request?.resolution, row.request?.duration, row.costCents])).toEqual([
      [1, '720p', 5, 30],
      [2, '1080p', 10, 100],
      [3, '720p', 10, 60],
    ]);
    expect(preview).toMatchObject({ ignored: ['shot'], invalid: 0, costCents: 190, capCents: 1000, balanceCents: 4200, refusal: null });
    expect(await getDb().select().from(generations).all()).toEqual([]);
  });

  it('says why the whole batch would be refused: over the cap per batch, or over the balance', async () => {
    setEnv({ SWEEP_BUDGET_CENTS: '150' });
    const capped = await previewBatch({ ...owner, source: body(SHOTS), format: 'csv', base }, storeOnlyDeps(NOW));
    expect(capped.ok && capped.preview.refusal).toBe('This batch of 3 clips would cost about $1.90, over this team’s cap of $1.50 per batch. Split the file, or use 5 s or 720p.');
    setEnv({ SWEEP_BUDGET_CENTS: '1000' });
    const poor = await previewBatch({ ...owner, source: body(SHOTS), format: 'csv', base }, storeOnlyDeps(NOW, async () => 1));
    expect(poor.ok && poor.preview.refusal).toMatch(/more than the API key’s balance of \$1\.00/);
  });

  it('names each bad cell by row and column, and a file-level problem on its own', async () => {
    const previewed = await previewBatch({ ...owner, source: body('prompt,duration\na fox,7\n,5\n'), format: 'csv', base }, storeOnlyDeps(NOW));
    expect(previewed.ok && previewed.preview.invalid).toBe(2);
    expect(previewed.ok && previewed.preview.rows.map((row) => row.problems.map((p) => `${p.column}: ${p.message}`))).toEqual([
      ['duration: Duration must be 5 or 10 seconds'],
      ['prompt: Describe the video you want'],
    ]);
    const noField = await previewBatch({ ...owner, source: body('{"shot":1,"notes":"x"}\n'), format: 'jsonl', base }, storeOnlyDeps(NOW));
    expect(noField).toEqual({ ok: false, message: expect.stringMatching(/None of the columns \(shot, notes\)/) });
  });
});

describe('starting a batch', () => {
  it('stores every row as one batch, in row order, with exactly the settings of its row', async () => {
    const started = await startBatch({ ...owner, source: body(SHOTS), format: 'csv', base }, storeOnlyDeps(NOW));
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const rows = await listBatch({ teamId: owner.teamId, batchId: started.batchId });
    expect(rows.map((row) => [row.batchRow, row.resolution, row.duration, row.seed === 7 || row.seed === 8 ? row.seed : 'random', row.state])).toEqual([
      [1, '720p', 5, 7, 'queued'],
      [2, '1080p', 10, 8, 'queued'],
      [3, '720p', 10, 'random', 'queued'],
    ]);
    expect(started.costCents).toBe(190);
    expect(await countBatch({ teamId: owner.teamId, batchId: started.batchId })).toEqual({ clips: 3, done: 0 });
    // Another team never sees it.
    const stranger = await createOwner(`stranger-${people}@example.test`);
    expect(await listBatch({ teamId: stranger.teamId, batchId: started.batchId })).toEqual([]);

    // The export reads back to the same rows, and the formula-looking prompt stays text.
    const csv = parse(batchCsv(rows, 'https://studio.example'), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.map((row) => [row.row, row.resolution, row.duration, row.state])).toEqual([
      ['1', '720p', '5', 'queued'],
      ['2', '1080p', '10', 'queued'],
      ['3', '720p', '10', 'queued'],
    ]);
    expect(csv[2]?.prompt).toBe('\'=HYPERLINK("http://x.example")');
    expect(csv[0]?.clip_link).toBe(`https://studio.example/gallery/${rows[0]?.id}`);
  });

  it('stores nothing when one row is wrong, or the batch is over a limit', async () => {
    const bad = await startBatch({ ...owner, source: body('prompt,duration\na fox,5\na crane,9\n'), format: 'csv', base }, storeOnlyDeps(NOW));
    expect(bad).toEqual({ ok: false, kind: 'invalid', message: 'Some rows need attention; nothing was started.', problems: ['Row 2, duration: Duration must be 5 or 10 seconds'] });
    setEnv({ HOURLY_QUOTA: '2' });
    const over = await startBatch({ ...owner, source: body(SHOTS), format: 'csv', base }, storeOnlyDeps(NOW));
    expect(over).toMatchObject({ ok: false, kind: 'refused', message: expect.stringMatching(/This would start 3 clips, but you have 2/) });
    expect(await getDb().select().from(generations).all()).toEqual([]);
  });

  it('refuses a start image link the studio may not fetch, naming its row', async () => {
    const started = await startBatch({ ...owner, source: body('prompt,image_url\na fox,https://127.0.0.1/frame.png\n'), format: 'csv', base }, storeOnlyDeps(NOW));
    expect(started).toMatchObject({ ok: false, kind: 'invalid', problems: [expect.stringMatching(/^Row 1, image_url: the start frame could not be used/)] });
    expect(await getDb().select().from(generations).all()).toEqual([]);
  });
});
