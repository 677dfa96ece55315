import type {
  MlHomeCertificationCheck,
  MlHomeCertificationCheckContext,
} from '@ml-home/plugin-ml-home-node/alpha';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import { CertificationChecksRegistry } from './CertificationChecksRegistry';

const check = (
  overrides: Partial<MlHomeCertificationCheck> = {},
): MlHomeCertificationCheck => ({
  id: 'acme.feature-schema',
  title: 'Feature expectations are captured in a schema',
  section: 'data',
  description: 'The training data set declares its features.',
  evaluate: async () => ({ status: 'pass' }),
  ...overrides,
});

const context: MlHomeCertificationCheckContext = {
  model: 'churn-model',
  api: {} as MlHomeApi,
};

describe('CertificationChecksRegistry', () => {
  it('keeps checks in the order they were added', () => {
    const registry = new CertificationChecksRegistry();
    registry.add(check());
    registry.add(check({ id: 'acme.canary', section: 'infrastructure' }));
    registry.add(check({ id: 'owner-in-catalog', section: 'portal' }));
    expect(registry.list().map(c => c.id)).toEqual([
      'acme.feature-schema',
      'acme.canary',
      'owner-in-catalog',
    ]);
    expect(registry.get('acme.canary')?.section).toBe('infrastructure');
    expect(registry.get('nope')).toBeUndefined();
  });

  it.each([
    [{ id: 'Acme.Schema' }, /id "Acme.Schema" is invalid/],
    [{ id: 'acme..schema' }, /id "acme..schema" is invalid/],
    [{ id: '' }, /id "" is invalid/],
    [{ id: 'a'.repeat(101) }, /is invalid/],
    [{ title: ' ' }, /acme.feature-schema has no title/],
    [{ section: 'security' as 'data' }, /has section "security"; expected/],
    [
      {
        evaluate: undefined as unknown as MlHomeCertificationCheck['evaluate'],
      },
      /has no evaluate function/,
    ],
  ])('refuses an invalid check %p', (overrides, message) => {
    const registry = new CertificationChecksRegistry();
    expect(() => registry.add(check(overrides))).toThrow(message);
    expect(registry.list()).toEqual([]);
  });

  it('refuses a second check with the same id', () => {
    const registry = new CertificationChecksRegistry();
    registry.add(check());
    expect(() => registry.add(check({ title: 'Other' }))).toThrow(
      expect.objectContaining({ name: 'ConflictError' }),
    );
    expect(registry.list()).toHaveLength(1);
  });

  it('passes the model and API to a check and returns its result', async () => {
    const registry = new CertificationChecksRegistry();
    const evaluate = jest.fn(async () => ({
      status: 'fail' as const,
      evidence: { url: 'https://ci.example.com/run/1' },
    }));
    await expect(
      registry.evaluate(check({ evaluate }), context),
    ).resolves.toEqual({
      status: 'fail',
      evidence: { url: 'https://ci.example.com/run/1' },
    });
    expect(evaluate).toHaveBeenCalledWith(context);
  });

  it('counts a check that throws or answers nonsense as unknown, saying why', async () => {
    const registry = new CertificationChecksRegistry();
    await expect(
      registry.evaluate(
        check({
          evaluate: async () => {
            throw new Error('dashboard unreachable');
          },
        }),
        context,
      ),
    ).resolves.toEqual({
      status: 'unknown',
      evidence: { text: 'The check failed: dashboard unreachable' },
    });
    await expect(
      registry.evaluate(
        check({
          evaluate: async () => ({ status: 'ok' }) as never,
        }),
        context,
      ),
    ).resolves.toEqual({
      status: 'unknown',
      evidence: { text: 'The check answered with no valid status ("ok")' },
    });
  });
});
