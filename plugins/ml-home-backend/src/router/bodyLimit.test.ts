import { MAX_BODY_BYTES } from '@ml-home/plugin-ml-home-common';
import express from 'express';
import http from 'http';
import { AddressInfo } from 'net';
import zlib from 'zlib';
import { bodyLimit } from './bodyLimit';

function app() {
  const a = express();
  a.use(bodyLimit());
  a.post('/', (req, res) => {
    res.json({ keys: Object.keys(req.body) });
  });
  a.use(
    (
      error: Error & { statusCode?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(error.statusCode ?? 500)
        .json({ name: error.name, message: error.message });
    },
  );
  return a;
}

const json = (bytes: number) => `{"runs":"${'x'.repeat(bytes)}"}`;

/** Posts raw bytes as JSON, the way curl would (no client-side encoding of the body). */
async function post(
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const server = app().listen(0);
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const req = http.request(
        {
          port,
          method: 'POST',
          path: '/',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
            ...headers,
          },
        },
        res => {
          const parts: Buffer[] = [];
          res.on('data', part => parts.push(part));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(parts).toString('utf8')),
            }),
          );
        },
      );
      // The server may answer and close before the whole body is sent.
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    server.close();
  }
}

describe('bodyLimit', () => {
  it('reads a JSON body within the limit, compressed or not', async () => {
    expect((await post(json(1000))).body).toEqual({ keys: ['runs'] });
    const gzipped = await post(zlib.gzipSync(json(1000)), {
      'Content-Encoding': 'gzip',
    });
    expect(gzipped.body).toEqual({ keys: ['runs'] });
  });

  it('refuses a declared length over the limit with a 413 saying both', async () => {
    const body = json(MAX_BODY_BYTES);
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      name: 'PayloadTooLargeError',
      message: `request body is ${body.length} bytes; the limit is ${MAX_BODY_BYTES} bytes (5 MiB)`,
    });
  });

  it('refuses a compressed body that inflates over the limit, saying the limit, not a length it cannot know', async () => {
    const res = await post(zlib.gzipSync(json(4 * MAX_BODY_BYTES)), {
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      name: 'PayloadTooLargeError',
      message: `request body is more than ${MAX_BODY_BYTES} bytes once decompressed (gzip); the limit is ${MAX_BODY_BYTES} bytes (5 MiB)`,
    });
  });
});
