import { RouteContext } from '../router/RouteContext';
import { TokensApi } from './tokensAccess';
import { projectTokenToWire } from './tokensWire';

/** A project's tokens: list, create (the secret is answered once) and revoke. */
export function bindTokensEndpoints(
  { api, caller, audited }: RouteContext,
  tokens: TokensApi,
) {
  api.get('/projects/:projectName/tokens', async (req, res) => {
    const items = await tokens.listTokens(
      await caller(req),
      req.params.projectName,
    );
    res.json({ items: items.map(projectTokenToWire) });
  });

  api.post('/projects/:projectName/tokens', async (req, res) => {
    const who = await caller(req);
    const { token, secret } = await audited(
      req,
      'project-token-create',
      { project: req.params.projectName, name: req.body.name },
      () => tokens.createToken(who, req.params.projectName, req.body),
    );
    res.status(201).json({ token: projectTokenToWire(token), secret });
  });

  api.delete('/projects/:projectName/tokens/:tokenId', async (req, res) => {
    const who = await caller(req);
    const token = await audited(
      req,
      'project-token-revoke',
      { project: req.params.projectName, token: req.params.tokenId },
      () => tokens.revokeToken(who, req.params.projectName, req.params.tokenId),
    );
    res.json(projectTokenToWire(token));
  });
}
