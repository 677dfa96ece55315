import { RouteContext, pageRequest, pageToWire } from '../router/RouteContext';
import { CertificationApi } from './certificationAccess';
import {
  attestationToWire,
  externalResultToWire,
  historyEntryToWire,
  overviewToWire,
  scorecardToWire,
} from './certificationWire';

/** Certification: scorecards, attestations and their review, external results, the overview. */
export function bindCertificationEndpoints(
  { api, caller, audited }: RouteContext,
  certification: CertificationApi,
) {
  api.get('/models/:modelName/scorecard', async (req, res) => {
    res.json(
      scorecardToWire(
        await certification.getScorecard(
          await caller(req),
          req.params.modelName,
        ),
      ),
    );
  });

  api.post('/models/:modelName/scorecard/attestations', async (req, res) => {
    const who = await caller(req);
    const attestation = await audited(
      req,
      'certification-attest',
      {
        model: req.params.modelName,
        checkId: req.body.checkId,
        evidenceUrl: req.body.evidenceUrl,
      },
      () =>
        certification.createAttestation(who, req.params.modelName, req.body),
    );
    res.status(201).json(attestationToWire(attestation));
  });

  api.post(
    '/models/:modelName/scorecard/attestations/:attestationId/review',
    async (req, res) => {
      const who = await caller(req);
      const { modelName, attestationId } = req.params;
      const attestation = await audited(
        req,
        'certification-review',
        {
          model: modelName,
          attestationId,
          decision: req.body.decision,
          reason: req.body.reason,
        },
        () =>
          certification.reviewAttestation(
            who,
            modelName,
            attestationId,
            req.body,
          ),
      );
      res.json(attestationToWire(attestation));
    },
  );

  api.post('/models/:modelName/scorecard/results', async (req, res) => {
    const who = await caller(req);
    const result = await audited(
      req,
      'certification-result',
      {
        model: req.params.modelName,
        checkId: req.body.checkId,
        status: req.body.status,
      },
      () => certification.reportResult(who, req.params.modelName, req.body),
    );
    res.status(201).json(externalResultToWire(result));
  });

  api.get('/models/:modelName/scorecard/history', async (req, res) => {
    const page = await certification.getHistory(
      await caller(req),
      req.params.modelName,
      pageRequest(req.query),
    );
    res.json(pageToWire(page, historyEntryToWire));
  });

  api.get('/certification', async (req, res) => {
    const overview = await certification.getOverview(await caller(req), {
      owners: req.query.owner,
      levels: req.query.level,
      expiringWithinDays: req.query.expiringWithinDays ?? 14,
      ...pageRequest(req.query),
    });
    res.json(overviewToWire(overview));
  });
}
