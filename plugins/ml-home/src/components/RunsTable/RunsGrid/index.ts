export { RunsGrid } from './RunsGrid';
