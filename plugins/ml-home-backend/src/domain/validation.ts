import { InputError } from '@backstage/errors';
import {
  DESCRIPTION_MAX_BYTES,
  KEY_MAX,
  NAME_PATTERN,
  TITLE_MAX,
  utf8ByteLength,
} from '@ml-home/plugin-ml-home-common';

/** Length in Unicode code points, the unit the limits are stated in. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export function checkSlug(field: string, value: string) {
  if (!NAME_PATTERN.test(value)) {
    throw new InputError(
      `${field} '${value.slice(0, 80)}' is not a valid name: use 1 to 63 lowercase letters, digits and dashes, not starting or ending with a dash`,
    );
  }
}

export function checkMaxLength(field: string, value: string, max: number) {
  const length = codePoints(value);
  if (length > max) {
    throw new InputError(
      `${field} is ${length} characters long; the limit is ${max}`,
    );
  }
}

export function checkTitle(field: string, value: string) {
  if (!value.trim()) {
    throw new InputError(`${field} must not be empty`);
  }
  checkMaxLength(field, value, TITLE_MAX);
}

export function checkDescription(field: string, value: string) {
  const bytes = utf8ByteLength(value);
  if (bytes > DESCRIPTION_MAX_BYTES) {
    throw new InputError(
      `${field} is ${bytes} bytes long; the limit is ${DESCRIPTION_MAX_BYTES} bytes (64 KiB)`,
    );
  }
}

export function checkKey(field: string, key: string) {
  if (!key.trim()) {
    throw new InputError(`${field} must not be empty`);
  }
  checkMaxLength(field, key, KEY_MAX);
}

const ENTITY_REF =
  /^([a-z0-9][a-z0-9-_.]*):(?:([a-z0-9][a-z0-9-_.]*)\/)?([A-Za-z0-9][A-Za-z0-9-_.]*)$/i;

/** Normalises `group:home-ranking` / `group:default/home-ranking` to the full lower-case ref. */
export function normalizeEntityRef(
  field: string,
  value: string,
  kind?: string,
): string {
  const match = ENTITY_REF.exec(value.trim());
  if (!match) {
    throw new InputError(
      `${field} '${value}' is not an entity ref like 'group:default/my-team'`,
    );
  }
  const [, refKind, namespace, name] = match;
  if (kind && refKind.toLowerCase() !== kind) {
    throw new InputError(
      `${field} '${value}' must be a ${kind} entity ref, like '${kind}:default/my-team'`,
    );
  }
  return `${refKind}:${namespace ?? 'default'}/${name}`.toLowerCase();
}

export function checkUrl(field: string, value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${field} '${value.slice(0, 200)}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${field} must be an http or https URL`);
  }
}

/** `latest` and `v<N>` would be ambiguous with version references, so they cannot be aliases. */
export function checkAlias(alias: string, field = 'alias') {
  checkSlug(field, alias);
  if (alias === 'latest' || /^v\d+$/.test(alias)) {
    throw new InputError(
      `${field} '${alias}' is reserved: 'latest' and 'v<number>' name versions, not aliases`,
    );
  }
}
