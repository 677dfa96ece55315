import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ML_HOME_PROJECT_RESOURCE_TYPE,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import { MlHomeProjectResource, mlHomeProjectResourceRef } from './resource';
import {
  createMlHomeConditionalDecision,
  foldEntityRef,
  isProjectOwner,
  mlHomeConditions,
  mlHomeRules,
} from './rules';

const projects: MlHomeProjectResource[] = [
  { name: 'ranker', owner: 'group:default/home-ranking' },
  { name: 'fraud', owner: 'Group:ML/Fraud' },
];

/** The conditions the example policy returns for a member of home-ranking, as they travel. */
const policyConditions = {
  rule: 'IS_PROJECT_OWNER',
  resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
  params: {
    owners: ['user:default/alice', 'GROUP:default/Home-Ranking'],
  },
};

describe('isProjectOwner', () => {
  it('matches owners ignoring case', () => {
    const [ranker, fraud] = projects;
    expect(
      isProjectOwner.apply(ranker, { owners: ['group:default/HOME-RANKING'] }),
    ).toBe(true);
    expect(isProjectOwner.apply(fraud, { owners: ['group:ml/fraud'] })).toBe(
      true,
    );
    expect(isProjectOwner.apply(fraud, { owners: [] })).toBe(false);
    expect(
      isProjectOwner.apply(fraud, { owners: ['group:default/home-ranking'] }),
    ).toBe(false);
  });

  it('queries the owners it was given, for the backend to fold in SQL', () => {
    expect(
      isProjectOwner.toQuery({ owners: ['GROUP:default/Home-Ranking'] }),
    ).toEqual({ ownerIn: ['GROUP:default/Home-Ranking'] });
  });

  it('has condition exports of the shape the example policy builds', () => {
    expect(
      mlHomeConditions.isProjectOwner({
        owners: ['user:default/alice', 'GROUP:default/Home-Ranking'],
      }),
    ).toEqual(policyConditions);
    expect(
      createMlHomeConditionalDecision(
        mlHomeProjectUpdatePermission,
        mlHomeConditions.isProjectOwner({ owners: ['group:default/a'] }),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ml-home',
      resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
      conditions: {
        rule: 'IS_PROJECT_OWNER',
        resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
        params: { owners: ['group:default/a'] },
      },
    });
  });
});

describe('the project resource', () => {
  it('belongs to the ml-home plugin and its one resource type, with every rule on it', () => {
    expect(mlHomeProjectResourceRef).toMatchObject({
      pluginId: 'ml-home',
      resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
    });
    expect(Object.values(mlHomeRules).map(rule => rule.name)).toEqual([
      'IS_PROJECT_OWNER',
    ]);
    for (const rule of Object.values(mlHomeRules)) {
      expect(rule.resourceType).toBe(ML_HOME_PROJECT_RESOURCE_TYPE);
    }
  });

  it('decides conditionally on any project permission', () => {
    expect(
      createMlHomeConditionalDecision(
        mlHomeProjectReadPermission,
        mlHomeConditions.isProjectOwner({ owners: [] }),
      ).resourceType,
    ).toBe(ML_HOME_PROJECT_RESOURCE_TYPE);
  });

  it('folds entity refs as SQL lower() does for ASCII refs', () => {
    expect(foldEntityRef('Group:Default/Home-Ranking')).toBe(
      'group:default/home-ranking',
    );
    // Not the Turkish dotless i, whatever the process locale.
    expect(foldEntityRef('USER:default/IRIS')).toBe('user:default/iris');
  });
});
