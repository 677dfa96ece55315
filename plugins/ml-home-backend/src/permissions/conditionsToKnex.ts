import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  foldEntityRef,
  isProjectOwner,
  type MlHomeProjectQuery as ProjectQuery,
  type MlHomeProjectResource as ProjectResource,
} from '@ml-home/plugin-ml-home-node';
import { Knex } from 'knex';

/**
 * How to combine the parts of a criteria tree into one result. The SQL and in-memory forms are
 * two algebras over the same walk, so they cannot disagree on the shape of the tree.
 */
type CriteriaAlgebra<TQuery, TResult> = {
  allOf(parts: TResult[]): TResult;
  anyOf(parts: TResult[]): TResult;
  not(part: TResult): TResult;
  leaf(query: TQuery): TResult;
};

function foldCriteria<TQuery, TResult>(
  criteria: PermissionCriteria<TQuery>,
  algebra: CriteriaAlgebra<TQuery, TResult>,
): TResult {
  if (isAndCriteria(criteria)) {
    return algebra.allOf(criteria.allOf.map(c => foldCriteria(c, algebra)));
  }
  if (isOrCriteria(criteria)) {
    return algebra.anyOf(criteria.anyOf.map(c => foldCriteria(c, algebra)));
  }
  if (isNotCriteria(criteria)) {
    return algebra.not(foldCriteria(criteria.not, algebra));
  }
  return algebra.leaf(criteria);
}

/** Adds one parenthesised group of WHERE clauses to the builder it is given. */
type WhereGroup = (builder: Knex.QueryBuilder) => void;

function sqlAlgebra(column: string): CriteriaAlgebra<ProjectQuery, WhereGroup> {
  return {
    // The types promise non-empty lists, but decisions arrive over the wire: an empty allOf is
    // true and an empty anyOf false, as `every` and `some` have it in memory.
    allOf: parts => builder => {
      if (parts.length === 0) {
        builder.whereRaw('1 = 1');
      }
      for (const part of parts) {
        builder.andWhere(inner => part(inner));
      }
    },
    anyOf: parts => builder => {
      if (parts.length === 0) {
        builder.whereRaw('1 = 0');
      }
      for (const part of parts) {
        builder.orWhere(inner => part(inner));
      }
    },
    not: part => builder => {
      builder.whereNot(inner => part(inner));
    },
    leaf:
      ({ ownerIn }) =>
      builder => {
        const owners = [...new Set(ownerIn.map(foldEntityRef))];
        if (owners.length === 0) {
          builder.whereRaw('1 = 0');
          return;
        }
        // `is not null` keeps the leaf two-valued, so `not` stays the complement even if the
        // column comes from an outer join.
        builder.whereRaw(
          `?? is not null and lower(??) in (${owners.map(() => '?').join(', ')})`,
          [column, column, ...owners],
        );
      },
  };
}

/**
 * Restricts a query to the projects that satisfy the criteria of a conditional decision (after
 * `createConditionTransformer` turned its conditions into {@link ProjectQuery}s).
 *
 * @remarks
 * The criteria are added as one parenthesised group, so they combine safely with the query's
 * other filters. Owners are compared ignoring case.
 *
 * @param query - the query to restrict; it is modified and returned
 * @param criteria - the transformed conditions
 * @param column - the column holding the project's owner entity ref
 */
export function applyProjectConditions<TQueryBuilder extends Knex.QueryBuilder>(
  query: TQueryBuilder,
  criteria: PermissionCriteria<ProjectQuery>,
  column: string = 'projects.owner',
): TQueryBuilder {
  const group = foldCriteria(criteria, sqlAlgebra(column));
  query.where(builder => group(builder));
  return query;
}

/**
 * Whether a loaded project satisfies the criteria: the in-memory twin of
 * {@link applyProjectConditions}, deciding each leaf with the rules' `apply`.
 */
export function matchesProjectConditions(
  resource: ProjectResource,
  criteria: PermissionCriteria<ProjectQuery>,
): boolean {
  return foldCriteria<ProjectQuery, boolean>(criteria, {
    allOf: parts => parts.every(Boolean),
    anyOf: parts => parts.some(Boolean),
    not: part => !part,
    leaf: ({ ownerIn }) => isProjectOwner.apply(resource, { owners: ownerIn }),
  });
}
