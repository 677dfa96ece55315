// The resource ref and rules live in -node, where policy authors find them; the backend keeps
// their SQL form (conditionsToKnex) and its in-memory twin.
export {
  mlHomeProjectResourceRef,
  mlHomeRules,
  type MlHomeProjectQuery as ProjectQuery,
  type MlHomeProjectResource as ProjectResource,
} from '@ml-home/plugin-ml-home-node';
export {
  applyProjectConditions,
  matchesProjectConditions,
} from './conditionsToKnex';
