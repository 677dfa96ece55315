/*
 * The benchmarks' own small organisation in the software catalog.
 *
 * ML Home refuses a project or model owned by a group the caller is not a member of (403 naming
 * `owner`), and a deployment to a serving component the catalog does not know (400 naming
 * `service`). The example organisation (examples/all.yaml) makes the guest a member of
 * group:default/home-ranking only, and has no benchmark services. So the benchmarks (scripts/bench.js,
 * scripts/bench-ui.js) write a catalog file of their own into a temporary folder, with
 *
 *   - one Group per benchmark team (`bench-<team>`), each listing `guest` in `spec.members`
 *     (the catalog makes user:default/guest a member of it from that list), and
 *   - the serving Components the benchmark deploys to, owned by one of those groups,
 *
 * and start the backend with APP_CONFIG_catalog_locations naming app-config.yaml's own locations
 * (examples/all.yaml, with the same rules) plus that file. Before seeding they wait until the
 * guest's token carries every bench group (getGuestToken's `ownershipRefs`) and the catalog holds
 * every entity they name (waitForCatalogEntities).
 */
const fs = require('fs');
const path = require('path');
const { root } = require('./backend');

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** `kind:namespace/name` → { kind, namespace, name }; the kind is required. */
function parseRef(ref) {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!match) throw new Error(`not a full entity ref: ${ref}`);
  return { kind: match[1], namespace: match[2], name: match[3] };
}

/**
 * The catalog file's text: a Group per ref in `groups` (with the guest as member) and a
 * Component (spec.type service) per ref in `components`, owned by `componentOwner`.
 * Written as JSON documents separated by `---`, which YAML reads as they are.
 */
function benchCatalogYaml({ groups, components = [], componentOwner }) {
  const docs = [];
  for (const ref of groups) {
    const { kind, namespace, name } = parseRef(ref);
    if (kind.toLowerCase() !== 'group')
      throw new Error(`not a group ref: ${ref}`);
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name,
        namespace,
        description: 'A team of the ML Home benchmark (written by the bench).',
      },
      spec: {
        type: 'team',
        children: [],
        members: ['guest'],
      },
    });
  }
  for (const ref of components) {
    const { kind, namespace, name } = parseRef(ref);
    if (kind.toLowerCase() !== 'component')
      throw new Error(`not a component ref: ${ref}`);
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace,
        description:
          'A serving component the ML Home benchmark deploys to (written by the bench).',
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: componentOwner,
      },
    });
  }
  return `${docs.map(d => JSON.stringify(d, null, 2)).join('\n---\n')}\n`;
}

/** The catalog locations of app-config.yaml (examples/all.yaml with its rules). */
function appConfigLocations() {
  const YAML = require(require.resolve('yaml', { paths: [root] }));
  const config = YAML.parse(
    fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
  );
  const locations = config?.catalog?.locations;
  if (!Array.isArray(locations) || !locations.length) {
    throw new Error('app-config.yaml names no catalog.locations');
  }
  return locations;
}

/**
 * Writes the bench catalog into `dir` and returns the environment that makes the backend read it
 * besides app-config.yaml's own locations: { file, env: { APP_CONFIG_catalog_locations } }.
 */
function writeBenchCatalog(dir, spec) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench-catalog.yaml');
  fs.writeFileSync(file, benchCatalogYaml(spec));
  const kinds = ['Group', ...(spec.components?.length ? ['Component'] : [])];
  const locations = [
    ...appConfigLocations(),
    { type: 'file', target: file, rules: [{ allow: kinds }] },
  ];
  return {
    file,
    env: { APP_CONFIG_catalog_locations: JSON.stringify(locations) },
  };
}

/**
 * Waits until the catalog holds every ref in `refs` (asked with `token`, by
 * POST /api/catalog/entities/by-refs), for at most `timeoutMs`.
 */
async function waitForCatalogEntities(
  baseUrl,
  token,
  refs,
  { timeoutMs = 180_000 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/catalog/entities/by-refs`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          entityRefs: refs,
          fields: ['kind', 'metadata'],
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) {
        const { items } = await res.json();
        const missing = refs.filter((_, i) => !items?.[i]);
        if (!missing.length) return;
        last = `missing ${missing.join(', ')}`;
      } else {
        last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
      }
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog did not hold the bench entities in ${Math.round(
          timeoutMs / 1000,
        )} s (${last})`,
      );
    }
    await sleep(1000);
  }
}

module.exports = {
  benchCatalogYaml,
  writeBenchCatalog,
  waitForCatalogEntities,
};
