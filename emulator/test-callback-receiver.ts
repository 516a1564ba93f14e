import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  path: string;
  contentType: string | undefined;
  body: unknown;
  at: number;
}

export interface CallbackReceiver {
  url: (path: string) => string;
  deliveriesTo: (path: string) => Delivery[];
  close: () => Promise<void>;
}

/**
 * Records every callback POST. Paths starting /ok answer 200, /down always 500,
 * and /flaky 500 to the first two deliveries on that path, then 200.
 */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      deliveries.push({ path, contentType: req.headers['content-type'], body: JSON.parse(text), at: Date.now() });
      const attempts = deliveries.filter((delivery) => delivery.path === path).length;
      const refuse = path.startsWith('/down') || (path.startsWith('/flaky') && attempts <= 2);
      res.writeHead(refuse ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    deliveriesTo: (path) => deliveries.filter((delivery) => delivery.path === path),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
