import {
  type CompoundEntityRef,
  DEFAULT_NAMESPACE,
  parseEntityRef,
} from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * An entity ref as a catalog entity, reading a short ref the way the catalog does: a
 * component's `spec.owner: churn-prediction` is `group:<the component's namespace>/churn-prediction`.
 * Undefined when the text is no entity ref at all (a script's static token, an empty string).
 */
export function toCompoundEntityRef(
  ref: string,
  defaultKind: string,
  defaultNamespace: string = DEFAULT_NAMESPACE,
): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace });
  } catch {
    return undefined;
  }
}

/**
 * A link to a catalog entity from a ref that may be short (`churn-prediction`, `alice`) or not a
 * ref at all (who wrote through a static token), which is then shown as it is recorded.
 * `EntityRefLink` itself builds its link from the ref alone and throws on a ref without a kind:
 * its `defaultKind` only affects the name it shows.
 */
export function CatalogRefLink(props: {
  entityRef: string;
  /** The kind of a ref without one: `group` for owners, `user` for people, `component` for services. */
  defaultKind: string;
  /** The namespace of a ref without one: the referring entity's, `default` unless given. */
  defaultNamespace?: string;
}) {
  const { entityRef, defaultKind, defaultNamespace } = props;
  const ref = toCompoundEntityRef(entityRef, defaultKind, defaultNamespace);
  return ref ? (
    <EntityRefLink entityRef={ref} defaultKind={defaultKind} />
  ) : (
    <span>{entityRef}</span>
  );
}

/**
 * Who did something: a link to their user entity when the actor is a user ref, else the name as
 * recorded (scripts, other plugins and project tokens write as a service subject such as
 * `external:ml-home-token`, which is no catalog entity).
 */
export function ActorLink(props: { actor: string }) {
  const { actor } = props;
  // ML Home records users by their full ref; a bare name is a service's subject, not a user.
  const ref = actor.includes(':')
    ? toCompoundEntityRef(actor, 'user')
    : undefined;
  return ref && ref.kind.toLocaleLowerCase('en-US') === 'user' ? (
    <EntityRefLink entityRef={ref} />
  ) : (
    <span>{actor}</span>
  );
}
