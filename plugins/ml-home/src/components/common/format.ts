import { parseEntityRef } from '@backstage/catalog-model';

/**
 * A short, readable form of an entity ref: `group:default/home-ranking` → `home-ranking`,
 * `component:payments/api` → `payments/api`. Falls back to the input when it is not a ref.
 */
export function shortEntityRef(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/** An ISO timestamp or milliseconds as a date and time in the user's locale. */
export function formatDateTime(value: string | number | undefined): string {
  if (value === undefined) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "3 days ago", "in 2 hours" — relative to `now`, in the browser's language; `justNow` under a
 * minute (components get it translated from {@link useRelativeTime}).
 */
export function formatRelativeTime(
  value: string | number,
  now: number,
  justNow: string,
): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return String(value);
  const seconds = (time - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return justNow;
}

/** The message a person should read from an error: the server's own for a `ResponseError`. */
export function errorMessage(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { message?: string };
    body?: { error?: { message?: string } };
  };
  if (e?.name === 'ResponseError') {
    return e.body?.error?.message ?? e.cause?.message ?? e.message ?? '';
  }
  return e?.message ?? String(error);
}
