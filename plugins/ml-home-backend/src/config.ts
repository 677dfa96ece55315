import { Config } from '@backstage/config';

/** The plugin's configuration, read once at start (see config.d.ts for the documentation). */
export interface MlHomeConfig {
  checkOwnersInCatalog: boolean;
  /** The MLflow door (`mlHome.mlflow`). */
  mlflow: { defaultProject?: string };
}

export function readMlHomeConfig(config: Config): MlHomeConfig {
  return {
    checkOwnersInCatalog:
      config.getOptionalBoolean('mlHome.checkOwnersInCatalog') ?? true,
    mlflow: {
      defaultProject: config.getOptionalString('mlHome.mlflow.defaultProject'),
    },
  };
}
