export { NoRunsYet } from './NoRunsYet';
