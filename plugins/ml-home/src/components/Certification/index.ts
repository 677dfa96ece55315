export { CertificationOverviewPage } from './CertificationOverviewPage';
export { ModelCertificationTab } from './ModelCertificationTab';
export { ProjectCertificationTab } from './ProjectCertificationTab';
export { LevelBadge } from './LevelBadge';
