export { MAX_COMPARED_RUNS, RunSelectionBar } from './RunSelectionBar';
