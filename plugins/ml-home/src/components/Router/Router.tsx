import { Route, Routes } from 'react-router-dom';
import { MlHomePage } from '../MlHomePage';
import { ProjectPage } from '../ProjectPage';
import { ComparePage } from '../ComparePage';
import { ModelPage } from '../ModelPage';
import { EvaluationPage } from '../EvaluationPage';
import { FeaturesPage } from '../FeaturesPage';
import { OrphansPage } from '../OrphansPage';
import { ImportsPage } from '../ImportsPage';
import { CertificationOverviewPage } from '../Certification';
import { ReadableThemeProvider } from '../common/ReadableTheme';

/**
 * Every ML Home page below `/ml-home`. Paths match the sub-route refs in `routes.ts`, which
 * components use (through `useRouteRef`) to build links. Every page gets the app's theme with
 * readable secondary, error and success text and focus rings on sortable headers (WCAG 2.1 AA).
 *
 * @public
 */
export const Router = () => (
  <ReadableThemeProvider>
    <Routes>
      <Route path="/" element={<MlHomePage />} />
      <Route path="/projects/:projectName/*" element={<ProjectPage />} />
      <Route path="/compare" element={<ComparePage />} />
      <Route path="/models/:modelName/*" element={<ModelPage />} />
      <Route path="/evaluations/:evaluationId" element={<EvaluationPage />} />
      <Route path="/features" element={<FeaturesPage />} />
      <Route path="/orphans" element={<OrphansPage />} />
      <Route path="/admin/imports" element={<ImportsPage />} />
      <Route path="/certification" element={<CertificationOverviewPage />} />
    </Routes>
  </ReadableThemeProvider>
);
