export { OrphansPage } from './OrphansPage';
