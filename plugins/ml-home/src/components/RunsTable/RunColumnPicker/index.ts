export { RunColumnPicker } from './RunColumnPicker';
