import { RunFilterClause } from '@ml-home/plugin-ml-home-common';
import { invalidParameter } from './mlflowErrors';

/*
 * MLflow's search filter grammar (mlflow/utils/search_utils.py): clauses joined by AND, each
 * `[prefix.]key <comparator> <value>`, the key optionally in backticks or double quotes, values
 * as quoted strings, numbers, or a parenthesised list of strings for IN / NOT IN. Parsed here
 * into clauses, which the run search hands to ML Home's run query (its metric, param, tag and
 * attribute comparisons) and the experiment and registry searches turn into SQL.
 */

/** A comparator of MLflow's grammar. */
export type MlflowComparator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

/** One clause of a filter. */
export interface MlflowClause {
  /** `metrics`, `params`, `tags`, `attributes`, …; undefined when the key had no prefix. */
  prefix?: string;
  key: string;
  op: MlflowComparator;
  value: string | number | string[];
}

const COMPARATORS = ['!=', '<=', '>=', '=', '<', '>'];

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  private fail(what: string): never {
    throw invalidParameter(
      `Invalid filter '${this.text}': ${what} at position ${this.at}`,
    );
  }

  private skipSpace() {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) {
      this.at += 1;
    }
  }

  done(): boolean {
    this.skipSpace();
    return this.at >= this.text.length;
  }

  private word(): string | undefined {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    return match?.[0];
  }

  keyword(expected: string): boolean {
    const word = this.word();
    if (word?.toUpperCase() === expected) {
      this.at += word.length;
      return true;
    }
    return false;
  }

  private quoted(): string {
    const quote = this.text[this.at];
    let out = '';
    this.at += 1;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '\\' && this.at + 1 < this.text.length) {
        out += this.text[this.at + 1];
        this.at += 2;
        continue;
      }
      if (c === quote) {
        this.at += 1;
        return out;
      }
      out += c;
      this.at += 1;
    }
    return this.fail(`an unterminated ${quote}`);
  }

  /** `prefix.key`, `` prefix.`key with spaces` ``, `key`. */
  operand(): { prefix?: string; key: string } {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '`' || c === '"') return { key: this.quoted() };
    const match = /^[A-Za-z0-9_\-./:]+/.exec(this.text.slice(this.at));
    if (!match)
      this.fail(
        'expected metrics.<key>, params.<key>, tags.<key> or an attribute',
      );
    const word = match![0];
    const dot = word.indexOf('.');
    if (dot > 0) {
      const prefix = word.slice(0, dot);
      const rest = word.slice(dot + 1);
      this.at += dot + 1;
      if (rest === '') {
        const next = this.text[this.at];
        if (next === '`' || next === '"') return { prefix, key: this.quoted() };
        this.fail('expected a key after the prefix');
      }
      this.at += rest.length;
      return { prefix, key: rest };
    }
    this.at += word.length;
    return { key: word };
  }

  comparator(): MlflowComparator {
    this.skipSpace();
    for (const op of COMPARATORS) {
      if (this.text.startsWith(op, this.at)) {
        this.at += op.length;
        return op as MlflowComparator;
      }
    }
    if (this.keyword('LIKE')) return 'LIKE';
    if (this.keyword('ILIKE')) return 'ILIKE';
    if (this.keyword('IN')) return 'IN';
    if (this.keyword('NOT')) {
      if (this.keyword('IN')) return 'NOT IN';
    }
    return this.fail(
      'expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN)',
    );
  }

  value(op: MlflowComparator): string | number | string[] {
    this.skipSpace();
    if (op === 'IN' || op === 'NOT IN') {
      if (this.text[this.at] !== '(') this.fail('expected ( after IN');
      this.at += 1;
      const values: string[] = [];
      for (;;) {
        this.skipSpace();
        const c = this.text[this.at];
        if (c !== "'" && c !== '"')
          this.fail('expected a quoted string in the IN list');
        values.push(this.quoted());
        this.skipSpace();
        if (this.text[this.at] === ',') {
          this.at += 1;
          continue;
        }
        if (this.text[this.at] === ')') {
          this.at += 1;
          return values;
        }
        this.fail('expected , or ) in the IN list');
      }
    }
    const c = this.text[this.at];
    if (c === "'" || c === '"') return this.quoted();
    const match = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.at),
    );
    if (!match) return this.fail('expected a quoted string or a number');
    this.at += match[0].length;
    return Number(match[0]);
  }
}

/** Parses an MLflow filter; empty means no clause. */
export function parseMlflowFilter(filter: string | undefined): MlflowClause[] {
  const text = filter ?? '';
  if (text.length > 2000) {
    throw invalidParameter('filter: at most 2000 characters are allowed');
  }
  const scanner = new Scanner(text);
  const clauses: MlflowClause[] = [];
  if (scanner.done()) return clauses;
  for (;;) {
    const { prefix, key } = scanner.operand();
    const op = scanner.comparator();
    const value = scanner.value(op);
    clauses.push({ prefix: prefix?.toLowerCase(), key, op, value });
    if (scanner.done()) return clauses;
    if (!scanner.keyword('AND')) {
      throw invalidParameter(
        `Invalid filter '${text}': clauses are joined with AND (OR is not supported by MLflow either)`,
      );
    }
  }
}

// MLflow's attribute spellings → ML Home's run query attributes.
const RUN_ATTRIBUTES = new Map<string, string>([
  ['run_id', 'runId'],
  ['run_name', 'name'],
  ['status', 'status'],
  ['user_id', 'user'],
  ['start_time', 'startTime'],
  ['end_time', 'endTime'],
  ['created', 'startTime'],
  ['Created', 'startTime'],
]);

const RUN_PREFIXES = new Map<string, RunFilterClause['kind']>([
  ['metrics', 'metric'],
  ['metric', 'metric'],
  ['params', 'param'],
  ['param', 'param'],
  ['parameter', 'param'],
  ['parameters', 'param'],
  ['tags', 'tag'],
  ['tag', 'tag'],
  ['attributes', 'attribute'],
  ['attribute', 'attribute'],
  ['attr', 'attribute'],
  ['run', 'attribute'],
]);

/** A run filter as ML Home's run query takes it, plus the run ids an IN clause names. */
export interface RunSearchFilter {
  clauses: RunFilterClause[];
  runIds?: string[];
  excludedRunIds?: string[];
}

/** MLflow's run filter → ML Home's run query clauses. */
export function toRunFilter(filter: string | undefined): RunSearchFilter {
  const out: RunSearchFilter = { clauses: [] };
  for (const clause of parseMlflowFilter(filter)) {
    const kind = clause.prefix ? RUN_PREFIXES.get(clause.prefix) : 'attribute';
    if (!kind) {
      throw invalidParameter(
        `Invalid filter: unknown entity type '${clause.prefix}'; expected metrics, params, tags or attributes`,
      );
    }
    let key = clause.key;
    if (kind === 'attribute') {
      const attribute = RUN_ATTRIBUTES.get(key);
      if (!attribute) {
        throw invalidParameter(
          `Invalid filter: runs can be filtered on the attributes ${[...RUN_ATTRIBUTES.keys()].slice(0, 6).join(', ')}, not '${key}'`,
        );
      }
      key = attribute;
    }
    if (clause.op === 'IN' || clause.op === 'NOT IN') {
      if (kind !== 'attribute' || key !== 'runId') {
        throw invalidParameter(
          `Invalid filter: IN and NOT IN compare only attributes.run_id`,
        );
      }
      const ids = clause.value as string[];
      if (clause.op === 'IN') {
        out.runIds = out.runIds
          ? out.runIds.filter(id => ids.includes(id))
          : ids;
      } else {
        out.excludedRunIds = [...(out.excludedRunIds ?? []), ...ids];
      }
      continue;
    }
    let value = clause.value as string | number;
    if (
      (kind === 'metric' || key === 'startTime' || key === 'endTime') &&
      typeof value === 'string'
    ) {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) {
        throw invalidParameter(
          `Invalid filter: ${clause.prefix ?? 'attributes'}.${clause.key} compares with a number, not '${value}'`,
        );
      }
      value = n;
    }
    if (kind !== 'metric' && key !== 'startTime' && key !== 'endTime') {
      if (typeof value === 'number') {
        throw invalidParameter(
          `Invalid filter: ${clause.prefix ?? 'attributes'}.${clause.key} compares with a quoted string, not ${value}`,
        );
      }
    }
    out.clauses.push({ kind, key, op: clause.op, value });
  }
  return out;
}
