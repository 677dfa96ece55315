import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';

export interface RouterOptions {
  knex: Knex;
  httpAuth: HttpAuthService;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { knex, httpAuth } = options;
  const router = Router();
  router.use(express.json({ limit: '5mb' }));

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    await knex.raw('select 1');
    res.json({ status: 'ok' });
  });

  return router;
}
