/**
 * What the static token may do: read ML Home and ingest into it (runs, metrics, model versions,
 * evaluations, deployments), in any project, and nothing else — no project changes, no aliases, no
 * other plugin. Backstage decides a service caller's permissions from these restrictions alone,
 * without asking the policy; a static token without them would be allowed everything.
 * A pipeline that should write into one project only uses a project token instead.
 */
export const ML_HOME_TOKEN_ACCESS_RESTRICTIONS = [
  {
    plugin: 'ml-home',
    permission: ['ml-home.project.read', 'ml-home.run.write'],
  },
];

/**
 * Scripts and other tools call the backend with `Authorization: Bearer $ML_HOME_TOKEN`.
 *
 * Backstage's static external access needs a token in config, and a `${ML_HOME_TOKEN}` reference
 * in app-config.yaml would make the backend refuse to start when the variable is unset. So the
 * entry is added here, through Backstage's own APP_CONFIG_ override, only when the variable is set:
 * without it no static token exists and none is accepted.
 */
export function applyExternalAccessToken(
  env: Record<string, string | undefined>,
): void {
  const token = env.ML_HOME_TOKEN?.trim();
  if (!token || env.APP_CONFIG_backend_auth_externalAccess) {
    return;
  }
  env.APP_CONFIG_backend_auth_externalAccess = JSON.stringify([
    {
      type: 'static',
      options: { token, subject: 'ml-home-token' },
      accessRestrictions: ML_HOME_TOKEN_ACCESS_RESTRICTIONS,
    },
  ]);
}
