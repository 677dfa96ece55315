export {
  mlHomeProjectResourceRef,
  type ProjectQuery,
  type ProjectResource,
} from './resource';
export {
  createMlHomeConditionalDecision,
  foldEntityRef,
  isProjectOwner,
  mlHomeConditions,
  mlHomeRules,
} from './rules';
export {
  applyProjectConditions,
  matchesProjectConditions,
} from './conditionsToKnex';
