/*
 * MLflow names are free text; ML Home's model, dataset and alias names are slugs. The importer
 * maps one onto the other the same way every time, so a name imported twice is one name.
 */

/**
 * A slug for an MLflow name: lowercase, runs of anything but letters and digits as one dash,
 * at most 63 characters. Empty when nothing usable is left.
 */
export function toSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * An ML Home alias for an MLflow alias: its slug, unless that is one of the names ML Home keeps
 * for versions ('latest', 'v<number>'); empty when there is none.
 */
export function aliasName(alias: string): string {
  const slug = toSlug(alias);
  return slug === 'latest' || /^v\d+$/.test(slug) ? '' : slug;
}
