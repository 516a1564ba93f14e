import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './test-kit';

interface Delivery {
  path: string;
  body: unknown;
}

let emulator: TestEmulator;
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  // Refuses the first delivery so the emulator has to retry.
  receiver = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      deliveries.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(deliveries.length === 1 ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await emulator.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

it('posts the final status envelope to the callback URL, retrying after a refusal', async () => {
  const taskId = await emulator.createTask(
    { prompt: 'a kite over the dunes', seed: 99 },
    { request_type: 'callback', callback_url: `${receiverUrl}/hook/secret-123` },
  );
  const deadline = Date.now() + 5000;
  while (emulator.stats().callbacksDelivered < 1 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(emulator.stats().callbacksDelivered).toBe(1);
  expect(deliveries).toHaveLength(2);
  const status = await emulator.status(taskId);
  expect(status.state).toBe('success');
  for (const delivery of deliveries) {
    expect(delivery.path).toBe('/hook/secret-123');
    expect(delivery.body).toEqual({ code: 200, message: 'success', data: status });
  }
});
