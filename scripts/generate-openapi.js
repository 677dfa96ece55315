#!/usr/bin/env node
/*
 * `npm run generate`: turns the backend's OpenAPI document into the code that depends on it.
 *
 * Why this script exists: Backstage's own generator (`backstage-repo-tools package schema openapi
 * generate`) runs openapi-generator, a Java JAR downloaded from Maven Central on first use, which this
 * build cannot reach (see /work/shared/TOOLCHAIN.md). This script produces the same two artefacts
 * with npm tools, so the spec stays the single source of the wire types (STYLE.md convention 3):
 *
 *   plugins/ml-home-common/src/generated/openapi.ts
 *     `paths`, `components`, `operations` from openapi-typescript, plus one alias per schema
 *     (`export type Project = components['schemas']['Project']`).
 *   plugins/ml-home-backend/src/schema/openapi.generated.ts
 *     `spec` (the document as a const), the `EndpointMap` that types the router of
 *     @backstage/backend-openapi-utils (keys `#<method>|<path>`, DELETE spelled `_delete`), and
 *     `createOpenApiRouter`, which validates every request against `spec` at run time.
 *
 * Usage: `node scripts/generate-openapi.js` writes both files (formatted with the repo's prettier
 * config). `--check` writes nothing: it exits 1 when a file is missing or differs from what would be
 * generated, and also lints the spec with `backstage-repo-tools repo schema openapi lint`.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { spawnSync } = require('child_process');
const yaml = require('js-yaml');
const prettier = require('prettier');
const { default: openapiTS, astToString } = require('openapi-typescript');

const root = path.resolve(__dirname, '..');
const SPEC = 'plugins/ml-home-backend/src/schema/openapi.yaml';
const TYPES_OUT = 'plugins/ml-home-common/src/generated/openapi.ts';
const ROUTER_OUT = 'plugins/ml-home-backend/src/schema/openapi.generated.ts';
const COMMON_PACKAGE = '@ml-home/plugin-ml-home-common';
const METHODS = 'get put post delete patch options head trace'.split(' ');
const HEADER = [
  '// ******************************************************************',
  '// * GENERATED from plugins/ml-home-backend/src/schema/openapi.yaml *',
  '// * by scripts/generate-openapi.js. DO NOT EDIT: change the spec,   *',
  '// * then regenerate with `npm run generate`.                       *',
  '// ******************************************************************',
  '',
].join('\n');

const q = s => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

// Resolves a local `#/components/...` reference; the generator does not follow external files.
function deref(doc, node) {
  let seen = 0;
  while (node && node.$ref) {
    if (!node.$ref.startsWith('#/') || ++seen > 20)
      throw new Error(`Unsupported $ref ${node.$ref}`);
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  if (!node) throw new Error('Dangling $ref in the spec');
  return node;
}

async function generateTypes(doc) {
  const ast = await openapiTS(pathToFileURL(path.join(root, SPEC)), {
    // A property with a default stays optional: clients may omit it (as openapi-generator does).
    defaultNonNullable: false,
    silent: true,
  });
  let body = astToString(ast)
    // openapi-typescript always emits these two; empty, they would only clutter the package API.
    .replace(/^export type (webhooks|\$defs) = Record<string, never>;\n/gm, '')
    .replace(/^export (interface|type) /gm, '/** @public */\nexport $1 ');
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const aliases = schemas.map(([name, schema]) => {
    if (!/^[A-Z][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(
        `Schema name '${name}' is not a PascalCase identifier; rename it in the spec`,
      );
    }
    const summary = (deref(doc, schema).description ?? '').split('\n')[0];
    return `/** ${summary.replace(/\*\//g, '*\\/')}${summary ? ' ' : ''}@public */\nexport type ${name} = components['schemas'][${q(name)}];`;
  });
  const shadowing = schemas.map(([name]) => name).filter(n => n in globalThis);
  if (shadowing.length)
    console.warn(`generate-openapi: schemas shadow globals: ${shadowing}`);
  body += `\n${aliases.join('\n')}\n`;
  return `${HEADER}${body}`;
}

// The JSON body type of a media-type map, preferring application/json.
function mediaKey(content) {
  const keys = Object.keys(content ?? {});
  return keys.includes('application/json') ? 'application/json' : keys[0];
}

function endpointEntry(doc, pathName, pathItem, method) {
  const op = pathItem[method];
  const base = op.operationId
    ? `operations[${q(op.operationId)}]`
    : `paths[${q(pathName)}][${q(method)}]`;
  const fields = [];
  const params = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map(
    p => deref(doc, p),
  );
  for (const where of ['path', 'query']) {
    if (params.some(p => p.in === where)) {
      // NonNullable: with only optional query parameters openapi-typescript emits `query?:`.
      fields.push(`${where}: NonNullable<${base}['parameters'][${q(where)}]>;`);
    }
  }
  if (op.requestBody) {
    const requestBody = deref(doc, op.requestBody);
    const key = mediaKey(requestBody.content);
    if (key)
      fields.push(
        `body: NonNullable<${base}['requestBody']>['content'][${q(key)}];`,
      );
  }
  const codes = Object.keys(op.responses ?? {});
  const code =
    ['200', '201', '204'].find(c => codes.includes(c)) ??
    codes.find(c => /^2/.test(c));
  const response = code && deref(doc, op.responses[code]);
  const key = code && code !== '204' && mediaKey(response.content);
  fields.push(
    `response: ${key ? `${base}['responses'][${code}]['content'][${q(key)}]` : 'void'};`,
  );
  const verb = method === 'delete' ? '_delete' : method;
  return `  ${q(`#${verb}|${pathName}`)}: {\n${fields.map(f => `    ${f}`).join('\n')}\n  };`;
}

function generateRouter(doc) {
  const entries = [];
  for (const [pathName, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = deref(doc, rawItem);
    for (const method of METHODS) {
      if (pathItem[method])
        entries.push(endpointEntry(doc, pathName, pathItem, method));
    }
  }
  const used = ['operations', 'paths'].filter(name =>
    entries.some(e => e.includes(`${name}[`)),
  );
  return `${HEADER}
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
${used.length ? `import type { ${used.join(', ')} } from ${q(COMMON_PACKAGE)};\n` : ''}
/** The OpenAPI document of the ml-home backend, validated against on every request. */
export const spec = ${JSON.stringify(doc, null, 2)} as const;

/** Request and response types of every endpoint, keyed \`#<method>|<path>\`. */
export type EndpointMap = {
${entries.join('\n')}
};

/** An express router that validates requests against {@link spec} and types handlers by {@link EndpointMap}. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouterFromGeneratedEndpointMap>['1'],
) => createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, options);
`;
}

async function format(file, source) {
  const filepath = path.join(root, file);
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(source, { ...config, filepath });
}

function lintSpec() {
  const bin = require.resolve('@backstage/repo-tools/bin/backstage-repo-tools');
  // Lints every workspace package that has a src/schema/openapi.yaml; prints only on failure.
  const args = [bin, 'repo', 'schema', 'openapi', 'lint'];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    return false;
  }
  return true;
}

async function main() {
  const started = Date.now();
  const check = process.argv.includes('--check');
  const doc = yaml.load(fs.readFileSync(path.join(root, SPEC), 'utf8'));
  const outputs = {
    [TYPES_OUT]: await format(TYPES_OUT, await generateTypes(doc)),
    [ROUTER_OUT]: await format(ROUTER_OUT, generateRouter(doc)),
  };
  const read = file => fs.existsSync(file) && fs.readFileSync(file, 'utf8');
  const stale = Object.keys(outputs).filter(
    f => read(path.join(root, f)) !== outputs[f],
  );
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const schemas = Object.keys(doc.components?.schemas ?? {}).length;
  const stats = `${Object.keys(doc.paths ?? {}).length} paths, ${schemas} schemas`;

  if (!check) {
    for (const file of stale) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), outputs[file]);
    }
    console.log(
      `generate-openapi: ${stats}; wrote ${stale.length ? stale.join(', ') : 'nothing (up to date)'} in ${seconds()}`,
    );
    return;
  }
  const linted = lintSpec();
  if (stale.length) {
    console.error(
      `generate-openapi --check: stale, run \`npm run generate\`:\n  ${stale.join('\n  ')}`,
    );
  }
  if (!linted)
    console.error(`generate-openapi --check: ${SPEC} fails the spec lint`);
  if (stale.length || !linted) process.exit(1);
  console.log(
    `generate-openapi --check: ${stats}; generated files current, spec lint clean, in ${seconds()}`,
  );
}

main().catch(error => {
  console.error(`generate-openapi: ${error.stack ?? error}`);
  process.exit(1);
});
