import express from 'express';
import request from 'supertest';
import { bodyLimit } from './bodyLimit';
import { findNulByte, rejectNulBytes } from './rejectNulBytes';

describe('findNulByte', () => {
  it('names the first string or key holding a NUL byte', () => {
    expect(findNulByte({ a: ['x', 'y\u0000'] }, 'request/body')).toBe(
      'request/body/a/1',
    );
    expect(findNulByte({ 'k\u0000': 1 }, 'request/body')).toBe(
      'request/body/k\\0',
    );
    expect(
      findNulByte({ a: 'plain', b: [1, null, true] }, 'x'),
    ).toBeUndefined();
  });
});

describe('rejectNulBytes', () => {
  const app = express();
  app.use(bodyLimit());
  app.use(rejectNulBytes());
  app.use((_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    (
      err: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(400).json({ message: err.message });
    },
  );

  it('refuses a NUL in the body or the query, naming where', async () => {
    const body = await request(app)
      .post('/x')
      .set('Content-Type', 'application/json')
      .send('{"runs":[{"name":"a\\u0000b"}]}');
    expect(body.status).toBe(400);
    expect(body.body.message).toBe(
      'request/body/runs/0/name: must not contain a NUL byte (\\u0000)',
    );

    const query = await request(app).get('/x?q=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.message).toContain('request/query/q');
  });

  it('lets everything else through, including an escaped backslash before u0000', async () => {
    const res = await request(app)
      .post('/x?q=plain')
      .set('Content-Type', 'application/json')
      .send('{"text":"a\\\\u0000 is how JSON writes NUL"}');
    expect(res.status).toBe(200);
  });
});
