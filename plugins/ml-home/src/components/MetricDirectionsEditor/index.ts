export { MetricDirectionsEditor } from './MetricDirectionsEditor';
