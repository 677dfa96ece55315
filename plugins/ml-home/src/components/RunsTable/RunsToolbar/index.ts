export { RunsToolbar } from './RunsToolbar';
