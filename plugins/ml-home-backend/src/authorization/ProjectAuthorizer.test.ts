import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import { Caller } from '../domain/Caller';
import { ProjectQuery } from '../permissions';
import { authorize } from './authorize';
import { ProjectAuthorizer } from './ProjectAuthorizer';

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const feed = { name: 'feed', owner: TEAM_A };
const ads = { name: 'ads', owner: TEAM_A };
const churn = { name: 'churn', owner: TEAM_B };

const alice: Caller = {
  credentials: mockCredentials.user('user:default/alice'),
  actor: 'user:default/alice',
};
const bob: Caller = {
  credentials: mockCredentials.user('user:default/bob'),
  actor: 'user:default/bob',
};
const token: Caller = {
  actor: 'token',
  projectToken: { id: 't1', project: 'feed' },
};

/**
 * A policy that answers per user: alice may change only team A's projects (a conditional
 * decision), bob nothing. `answers` counts the calls and can be changed between operations.
 */
function setup() {
  const calls: string[] = [];
  const answers: Record<string, PolicyDecision> = {
    'user:default/alice': {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ml-home',
      resourceType: 'ml-home-project',
      conditions: {
        rule: 'IS_PROJECT_OWNER',
        resourceType: 'ml-home-project',
        params: { owners: [TEAM_A] },
      },
    },
    'user:default/bob': { result: AuthorizeResult.DENY },
  };
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async (requests, options) => {
      const ref = (options.credentials.principal as { userEntityRef: string })
        .userEntityRef;
      calls.push(ref);
      return requests.map(() => answers[ref]) as any;
    },
  });
  // The conditions of this policy, as the plugin's rules turn them into a query.
  const toQuery = ((conditions: any) => ({
    ownerIn: conditions.params.owners,
  })) as unknown as ConditionTransformer<ProjectQuery>;
  return {
    calls,
    answers,
    authorizer: new ProjectAuthorizer(permissions, toQuery),
  };
}

describe('ProjectAuthorizer', () => {
  it('asks once for every project of one operation and checks each against the decision', async () => {
    const { calls, authorizer } = setup();
    const check = await authorizer.decide(alice, mlHomeProjectUpdatePermission);
    expect(() => check(feed)).not.toThrow();
    expect(() => check(ads)).not.toThrow();
    expect(() => check(churn)).toThrow(
      "You may not update (ml-home.project.update) project 'churn'",
    );
    expect(calls).toEqual(['user:default/alice']);
  });

  it('asks again for every operation: a decision is never kept across operations or callers', async () => {
    const { calls, answers, authorizer } = setup();
    await authorizer.check(alice, mlHomeProjectUpdatePermission, feed);
    answers['user:default/alice'] = { result: AuthorizeResult.DENY };
    await expect(
      authorizer.check(alice, mlHomeProjectUpdatePermission, feed),
    ).rejects.toThrow("project 'feed'");
    await expect(
      authorizer.check(bob, mlHomeProjectUpdatePermission, feed),
    ).rejects.toThrow("project 'feed'");
    expect(calls).toEqual([
      'user:default/alice',
      'user:default/alice',
      'user:default/bob',
    ]);
  });

  it('decides a project token itself: its own project only, never asking the policy', async () => {
    const { calls, authorizer } = setup();
    const read = await authorizer.decide(token, mlHomeProjectReadPermission);
    expect(() => read(feed)).not.toThrow();
    expect(() => read(ads)).toThrow("on project 'ads' refused");
    const update = await authorizer.decide(
      token,
      mlHomeProjectUpdatePermission,
    );
    expect(() => update(feed)).toThrow('ml-home.project.update');
    expect(calls).toEqual([]);
  });

  it('lets a wrapped operation on several projects through only when every one is allowed, asking once', async () => {
    const { calls, authorizer } = setup();
    const seen: string[][] = [];
    const service = {
      async touch(_caller: Caller, scope: { names: string[] }) {
        seen.push(scope.names);
        return scope.names.length;
      },
    };
    const all = [feed, ads, churn];
    const api = authorize(
      service,
      {
        touch: {
          permission: mlHomeProjectUpdatePermission,
          on: {
            find: async (names: string[]) => ({ names }),
            projectsOf: ({ names }: { names: string[] }) =>
              names.map(n => all.find(p => p.name === n)!),
          },
        },
      },
      authorizer,
    );
    await expect(api.touch(alice, ['feed', 'ads', 'feed'])).resolves.toBe(3);
    expect(calls).toEqual(['user:default/alice']);
    await expect(api.touch(alice, ['feed', 'churn', 'ads'])).rejects.toThrow(
      "project 'churn'",
    );
    expect(calls).toEqual(['user:default/alice', 'user:default/alice']);
    expect(seen).toEqual([['feed', 'ads', 'feed']]);
  });
});
