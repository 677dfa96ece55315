import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mlHomeDemoDataExtensionPoint } from '@ml-home/plugin-ml-home-node/alpha';
import { readDemoDataConfig } from './config';
import {
  generateDemoData,
  summarizeDemoData,
} from './generator/generateDemoData';
import { writeDemoData } from './writeDemoData';

/**
 * ML Home module `demo`: when `mlHome.demoData.enabled` is true, loads a deterministic demo ML
 * organisation (about 40 projects with their runs, models, evaluations, deployments, notes and
 * tags, spread over months) into an ML Home whose database holds no project yet, through ML
 * Home's demo-data extension point.
 *
 * @public
 */
export const mlHomeModuleDemo = createBackendModule({
  pluginId: 'ml-home',
  moduleId: 'demo',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        demoData: mlHomeDemoDataExtensionPoint,
      },
      async init({ config, demoData }) {
        const { enabled, seed, scale, now } = readDemoDataConfig(config);
        if (!enabled) {
          return;
        }
        demoData.addLoader({
          id: 'demo',
          async load({ writer, logger }) {
            const started = Date.now();
            // Relative to the load, to the minute: running runs are minutes old, not months.
            const demoNow =
              now?.getTime() ?? Math.floor(started / 60_000) * 60_000;
            const data = generateDemoData({ seed, scale, now: demoNow });
            const timings = await writeDemoData(writer, data);
            const s = summarizeDemoData(data);
            // `npm run seed` reads this line.
            logger.info(
              `Loaded ML Home demo data in ${Date.now() - started} ms: ${s.projects} projects, ${s.experiments} experiments, ${s.runs} runs, ${s.points} metric points, ${s.models} models with ${s.modelVersions} versions, ${s.evaluations} evaluations, ${s.deployments} deployments with ${s.monitoringPoints} monitoring points, ${s.notes} notes, ${s.tags} tags (projects, experiments and runs ${timings.runsMs} ms; data sets, models, evaluations, deployments, notes and tags ${timings.registryMs} ms)`,
            );
          },
        });
      },
    });
  },
});
