/**
 * The extension points of the ML Home backend plugin, for backend modules: custom certification
 * checks and demo data. Alpha: they may change as the certification work lands.
 *
 * @packageDocumentation
 */
export {
  mlHomeCertificationChecksExtensionPoint,
  type MlHomeCertificationCheck,
  type MlHomeCertificationCheckContext,
  type MlHomeCertificationCheckResult,
  type MlHomeCertificationCheckStatus,
  type MlHomeCertificationChecksExtensionPoint,
  type MlHomeCertificationSection,
} from './extensions/certificationChecks';
export {
  mlHomeDemoDataExtensionPoint,
  type MlHomeDataWriter,
  type MlHomeDemoDataExtensionPoint,
  type MlHomeDemoDataLoader,
  type MlHomeDemoDataLoaderContext,
  type MlHomeDemoDataWriter,
  type MlHomeDemoDataWriterOptions,
} from './extensions/demoData';
