import { invalidParameter } from './mlflowErrors';

/*
 * The fields of an MLflow request, read the way MLflow's server reads them: a POST's JSON body or
 * a GET's query string (where a repeated parameter, `experiment_ids=1&experiment_ids=2`, is a
 * list, and every value a string). int64 fields arrive as JSON numbers or as strings, as the
 * protobuf JSON mapping allows; a wrong type is INVALID_PARAMETER_VALUE naming the field.
 */

export class MlflowRequest {
  constructor(private readonly fields: Record<string, unknown>) {}

  has(name: string): boolean {
    const value = this.fields[name];
    return value !== undefined && value !== null;
  }

  private missing(name: string): never {
    throw invalidParameter(`Missing value for required parameter '${name}'.`);
  }

  string(name: string): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      throw invalidParameter(
        `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied: it must be a string`,
      );
    }
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') return this.missing(name);
    return value;
  }

  /** A run id, sent as `run_id` or (older clients) `run_uuid`. */
  runId(): string {
    return (
      this.string('run_id') || this.string('run_uuid') || this.missing('run_id')
    );
  }

  int(name: string): number | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null || value === '') return undefined;
    let n = NaN;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
      n = Number(value);
    }
    if (!Number.isSafeInteger(n)) {
      throw invalidParameter(
        `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied: it must be an integer`,
      );
    }
    return n;
  }

  requiredInt(name: string): number {
    const value = this.int(name);
    if (value === undefined) return this.missing(name);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (value === true || value === 'true' || value === 'True') return true;
    if (value === false || value === 'false' || value === 'False') return false;
    throw invalidParameter(
      `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied: it must be true or false`,
    );
  }

  /** A repeated field: a JSON array, or one or more query parameters of that name. */
  strings(name: string): string[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((item, i) => {
      if (typeof item !== 'string' && typeof item !== 'number') {
        throw invalidParameter(
          `Invalid value for parameter '${name}[${i}]' supplied: it must be a string`,
        );
      }
      return String(item);
    });
  }

  /** A repeated message field (a JSON array of objects). */
  objects(name: string): MlflowRequest[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      throw invalidParameter(
        `Invalid value for parameter '${name}' supplied: it must be a list`,
      );
    }
    return value.map((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw invalidParameter(
          `Invalid value for parameter '${name}[${i}]' supplied: it must be an object`,
        );
      }
      return new MlflowRequest(item as Record<string, unknown>);
    });
  }

  object(name: string): MlflowRequest | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidParameter(
        `Invalid value for parameter '${name}' supplied: it must be an object`,
      );
    }
    return new MlflowRequest(value as Record<string, unknown>);
  }

  /** `[{key, value}]` tags, each key required. */
  tags(name = 'tags'): { key: string; value: string }[] {
    return this.objects(name).map(tag => ({
      key: tag.requiredString('key'),
      value: tag.string('value') ?? '',
    }));
  }

  /** A metric value: a number, or "NaN", "Infinity", "-Infinity" as MLflow's JSON sends them. */
  metricValue(name: string): number | string {
    const value = this.fields[name];
    if (typeof value === 'number') return value;
    if (
      typeof value === 'string' &&
      (['NaN', 'Infinity', '-Infinity', '+Infinity'].includes(value) ||
        (value.trim() !== '' && Number.isFinite(Number(value))))
    ) {
      if (['NaN', 'Infinity', '-Infinity'].includes(value)) return value;
      if (value === '+Infinity') return 'Infinity';
      return Number(value);
    }
    if (value === undefined || value === null) return this.missing(name);
    throw invalidParameter(
      `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied: it must be a number`,
    );
  }
}

/** MLflow's page tokens of offset pages: base64 of `{"offset": n}`, as its own server writes. */
export function encodeOffsetToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

export function decodeOffsetToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (Number.isSafeInteger(parsed?.offset) && parsed.offset >= 0) {
      return parsed.offset;
    }
  } catch {
    // answered below
  }
  throw invalidParameter(`Invalid page token '${token.slice(0, 100)}'`);
}

/** MLflow's ViewType, by name or number (ACTIVE_ONLY = 1, DELETED_ONLY = 2, ALL = 3). */
export function viewType(
  value: string | undefined,
  field: string,
): 'active' | 'deleted' | 'all' {
  switch (value ?? 'ACTIVE_ONLY') {
    case 'ACTIVE_ONLY':
    case '1':
      return 'active';
    case 'DELETED_ONLY':
    case '2':
      return 'deleted';
    case 'ALL':
    case '3':
      return 'all';
    default:
      throw invalidParameter(
        `Invalid value '${value}' for parameter '${field}': expected ACTIVE_ONLY, DELETED_ONLY or ALL`,
      );
  }
}

/** `max_results`, with MLflow's default and ML Home's largest page. */
export function maxResults(
  request: MlflowRequest,
  defaults: { default: number; max: number; field?: string },
): number {
  const field = defaults.field ?? 'max_results';
  const value = request.int(field) ?? defaults.default;
  if (value < 1) {
    throw invalidParameter(
      `Invalid value ${value} for parameter '${field}' supplied: it must be at least 1`,
    );
  }
  return Math.min(value, defaults.max);
}
