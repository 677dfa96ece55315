/*
 * The run filter language is shared by the backend (which turns clauses into
 * SQL), the MLflow search endpoint (whose clients send this syntax) and the UI
 * (whose quick filters write it), so it lives here with no dependencies and is
 * parsed by hand: a grammar this small does not justify a parser generator,
 * and hand-written scanning gives exact error positions.
 */

/**
 * What a run filter clause compares: one of a run's three key–value maps, or
 * one of its attributes.
 *
 * @public
 */
export type RunFilterKind = 'metric' | 'param' | 'tag' | 'attribute';

/**
 * A comparator of the run filter language. `LIKE` and `ILIKE` keep SQL's
 * pattern syntax (`%` and `_`), because the store hands them to the database.
 *
 * @public
 */
export type RunFilterOperator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE';

/**
 * One condition of a run filter; a filter is the conjunction of its clauses.
 *
 * @remarks
 * For `attribute` clauses the key is the canonical camelCase name (`status`,
 * `name`, `user`, `runId`, `experiment`, `startTime`, `endTime`) whatever
 * spelling the filter used, so consumers match on one name only.
 *
 * @public
 */
export type RunFilterClause = {
  kind: RunFilterKind;
  key: string;
  op: RunFilterOperator;
  value: string | number;
};

/**
 * The longest run filter accepted, in characters. It bounds the work a single
 * request can cause and keeps filters fit for a URL query string.
 *
 * @public
 */
export const RUN_FILTER_MAX_LENGTH = 2000;

/**
 * The most clauses a run filter may have; each becomes a join or a predicate
 * in the run search query, so the bound protects the database.
 *
 * @public
 */
export const RUN_FILTER_MAX_CLAUSES = 20;

/**
 * Thrown by {@link parseRunFilter} when a filter is malformed or breaks a
 * rule of the language.
 *
 * @remarks
 * The `name` is `InputError` so that Backstage's error middleware answers
 * 400 without this package depending on `@backstage/errors`.
 *
 * @public
 */
export class RunFilterSyntaxError extends Error {
  /** Zero-based index of the character in the filter where the problem starts. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'InputError';
    this.position = position;
  }
}

// Maps, not object literals: a key such as `constructor` must not hit the
// prototype chain.
const PREFIXES = new Map<string, RunFilterKind>([
  ['metrics', 'metric'],
  ['params', 'param'],
  ['tags', 'tag'],
  ['attributes', 'attribute'],
  ['attribute', 'attribute'],
]);

// `run_name` and `user_id` are MLflow's own spellings; accepting them lets an
// unchanged MLflow client's filters work.
const ATTRIBUTES = new Map<string, string>([
  ['status', 'status'],
  ['name', 'name'],
  ['run_name', 'name'],
  ['user', 'user'],
  ['user_id', 'user'],
  ['runId', 'runId'],
  ['run_id', 'runId'],
  ['experiment', 'experiment'],
  ['startTime', 'startTime'],
  ['start_time', 'startTime'],
  ['endTime', 'endTime'],
  ['end_time', 'endTime'],
]);

const KINDS = new Set<string>(PREFIXES.values());
const CANONICAL_ATTRIBUTES = new Set(ATTRIBUTES.values());
const NUMERIC_ATTRIBUTES = new Set(['startTime', 'endTime']);
const RUN_STATUSES = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED', 'SCHEDULED'];
const NUMERIC_OPERATORS: readonly string[] = ['=', '!=', '<', '<=', '>', '>='];
const STRING_OPERATORS: readonly string[] = ['=', '!=', 'LIKE', 'ILIKE'];
const ALL_OPERATORS = '=, !=, <, <=, >, >=, LIKE, ILIKE';
const OPERAND_HINT =
  'metrics.<key>, params.<key>, tags.<key>, attributes.<name> or an attribute ' +
  '(status, name, user, runId, experiment, startTime, endTime)';

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const UNQUOTED_KEY = /[A-Za-z0-9_\-./:]+/y;
const WHOLE_UNQUOTED_KEY = /^[A-Za-z0-9_\-./:]+$/;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_CONTINUATION = /[A-Za-z0-9_.]/;
const SPACE = /\s/;

type ClauseProblem = { at: 'op' | 'value'; message: string };

/*
 * The type rules, shared by the parser (which reports a position) and the
 * formatter (which refuses to write a filter the parser would reject).
 * `subject` is the operand as the user wrote it, so messages quote their text.
 */
function checkClause(
  kind: RunFilterKind,
  key: string,
  op: RunFilterOperator,
  value: string | number,
  subject: string,
): ClauseProblem | undefined {
  const numeric =
    kind === 'metric' || (kind === 'attribute' && NUMERIC_ATTRIBUTES.has(key));
  const allowed = numeric ? NUMERIC_OPERATORS : STRING_OPERATORS;
  if (!allowed.includes(op)) {
    let on = 'params and tags';
    if (kind === 'metric') {
      on = 'metrics';
    } else if (kind === 'attribute') {
      on = `the ${key} attribute`;
    }
    return {
      at: 'op',
      message: `${op} is not allowed on ${on}; expected one of ${allowed.join(
        ', ',
      )} after '${subject}'`,
    };
  }
  const after = `after '${subject} ${op}'`;
  if (numeric && typeof value !== 'number') {
    const what =
      kind === 'metric'
        ? 'a number'
        : 'a number (milliseconds since the epoch)';
    return {
      at: 'value',
      message: `expected ${what} ${after}, found a string`,
    };
  }
  if (!numeric && typeof value !== 'string') {
    return {
      at: 'value',
      message: `expected a quoted string ${after}, found a number; quote it`,
    };
  }
  if (
    kind === 'attribute' &&
    key === 'status' &&
    (op === '=' || op === '!=') &&
    !RUN_STATUSES.includes(value as string)
  ) {
    return {
      at: 'value',
      message: `expected one of ${RUN_STATUSES.join(
        ', ',
      )} ${after}, found '${value}'`,
    };
  }
  return undefined;
}

class RunFilterParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): RunFilterClause[] {
    const clauses: RunFilterClause[] = [];
    this.skipSpace();
    if (this.atEnd()) {
      return clauses;
    }
    for (;;) {
      if (clauses.length === RUN_FILTER_MAX_CLAUSES) {
        throw this.error(
          this.pos,
          `at most ${RUN_FILTER_MAX_CLAUSES} clauses are allowed in a filter`,
        );
      }
      const clauseStart = this.pos;
      clauses.push(this.parseClause());
      const clauseText = this.text.slice(clauseStart, this.pos);
      this.skipSpace();
      if (this.atEnd()) {
        return clauses;
      }
      const word = this.matchAt(WORD)?.toLowerCase();
      if (word === 'and') {
        this.pos += word.length;
        this.skipSpace();
        continue;
      }
      if (word === 'or') {
        throw this.error(
          this.pos,
          'OR is not supported; combine clauses with AND',
        );
      }
      throw this.error(
        this.pos,
        `expected AND or the end of the filter after '${clauseText}', found ${this.found()}`,
      );
    }
  }

  private parseClause(): RunFilterClause {
    const start = this.pos;
    const { kind, key } = this.parseOperand();
    const subject = this.text.slice(start, this.pos);
    this.skipSpace();
    const opPos = this.pos;
    const op = this.parseOperator();
    if (!op) {
      throw this.error(
        opPos,
        `expected a comparator (${ALL_OPERATORS}) after '${subject}', found ${this.found()}`,
      );
    }
    this.skipSpace();
    const valuePos = this.pos;
    const value = this.parseValue(`${subject} ${op}`);
    const problem = checkClause(kind, key, op, value, subject);
    if (problem) {
      throw this.error(problem.at === 'op' ? opPos : valuePos, problem.message);
    }
    return { kind, key, op, value };
  }

  private parseOperand(): { kind: RunFilterKind; key: string } {
    const start = this.pos;
    const word = this.matchAt(WORD);
    if (word === undefined) {
      throw this.error(
        start,
        `expected ${OPERAND_HINT}, found ${this.found()}`,
      );
    }
    this.pos += word.length;
    if (this.text[this.pos] === '.') {
      const kind = PREFIXES.get(word);
      if (!kind) {
        throw this.error(
          start,
          `unknown prefix '${word}.'; expected metrics., params., tags. or attributes.`,
        );
      }
      this.pos += 1;
      const keyPos = this.pos;
      const key = this.parseKey(word);
      if (kind !== 'attribute') {
        return { kind, key };
      }
      const attribute = ATTRIBUTES.get(key);
      if (!attribute) {
        throw this.error(
          keyPos,
          `unknown attribute '${key}'; expected one of status, name, user, runId, experiment, startTime, endTime`,
        );
      }
      return { kind, key: attribute };
    }
    if (PREFIXES.has(word)) {
      throw this.error(this.pos, `expected '.' and a key after '${word}'`);
    }
    const attribute = ATTRIBUTES.get(word);
    if (!attribute) {
      throw this.error(start, `expected ${OPERAND_HINT}, found '${word}'`);
    }
    return { kind: 'attribute', key: attribute };
  }

  private parseKey(prefix: string): string {
    const keyPos = this.pos;
    const c = this.text[keyPos];
    if (c === '`' || c === '"') {
      const key = this.parseQuoted('key');
      if (key === '') {
        throw this.error(keyPos, `expected a non-empty key after '${prefix}.'`);
      }
      return key;
    }
    const key = this.matchAt(UNQUOTED_KEY);
    if (key === undefined) {
      throw this.error(
        keyPos,
        `expected a key after '${prefix}.', found ${this.found()}; quote keys with other characters in backticks`,
      );
    }
    this.pos += key.length;
    return key;
  }

  /*
   * A backslash takes the next character literally and means nothing else
   * (no \n): one rule is easy to remember, and a LIKE pattern that must reach
   * the database with an escaped percent sign is simply written `\\%`.
   */
  private parseQuoted(what: 'key' | 'string'): string {
    const open = this.pos;
    const quote = this.text[open];
    let out = '';
    let i = open + 1;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === '\\') {
        if (i + 1 >= this.text.length) {
          break;
        }
        out += this.text[i + 1];
        i += 2;
      } else if (c === quote) {
        this.pos = i + 1;
        return out;
      } else {
        out += c;
        i += 1;
      }
    }
    throw this.error(
      open,
      `expected a closing ${quote} for the quoted ${what} that starts here`,
    );
  }

  private parseOperator(): RunFilterOperator | undefined {
    const two = this.text.slice(this.pos, this.pos + 2);
    if (two === '<=' || two === '>=' || two === '!=') {
      this.pos += 2;
      return two;
    }
    const one = this.text[this.pos];
    if (one === '<' || one === '>' || one === '=') {
      this.pos += 1;
      return one;
    }
    const word = this.matchAt(WORD)?.toUpperCase();
    if (word === 'LIKE' || word === 'ILIKE') {
      this.pos += word.length;
      return word;
    }
    return undefined;
  }

  private parseValue(before: string): string | number {
    const start = this.pos;
    const c = this.text[start];
    if (c === "'" || c === '"') {
      return this.parseQuoted('string');
    }
    const literal = this.matchAt(NUMBER);
    if (literal === undefined) {
      throw this.error(
        start,
        `expected a value (a number or a quoted string) after '${before}', found ${this.found()}`,
      );
    }
    const end = start + literal.length;
    if (end < this.text.length && NUMBER_CONTINUATION.test(this.text[end])) {
      throw this.error(
        start,
        `expected a number after '${before}', found ${this.found()}`,
      );
    }
    const value = Number(literal);
    if (!Number.isFinite(value)) {
      throw this.error(start, `the number ${literal} is out of range`);
    }
    this.pos = end;
    return value;
  }

  private matchAt(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text)?.[0];
  }

  private skipSpace() {
    while (this.pos < this.text.length && SPACE.test(this.text[this.pos])) {
      this.pos += 1;
    }
  }

  private atEnd() {
    return this.pos >= this.text.length;
  }

  /* What stands at the cursor, quoted, so messages can show it. */
  private found(): string {
    if (this.atEnd()) {
      return 'the end of the filter';
    }
    const token = /^\S+/.exec(this.text.slice(this.pos))?.[0];
    if (token === undefined) {
      return 'whitespace';
    }
    return token.length > 20 ? `'${token.slice(0, 20)}…'` : `'${token}'`;
  }

  private error(position: number, detail: string): RunFilterSyntaxError {
    return new RunFilterSyntaxError(
      `Invalid filter at position ${position}: ${detail}`,
      position,
    );
  }
}

/**
 * Parses a run filter such as
 * `metrics.auc > 0.8 and params.optimizer = "adam" and status = 'FINISHED'`.
 *
 * @remarks
 * The language is the subset of MLflow's search syntax that ML Home serves:
 * clauses joined by `AND`; operands `metrics.<key>`, `params.<key>`,
 * `tags.<key>`, `attributes.<name>` (or `attribute.<name>`) and bare
 * attribute names; keys with characters other than `A-Z a-z 0-9 _ - . / :`
 * quoted in backticks or double quotes; values as numbers or single- or
 * double-quoted strings, where a backslash takes the next character literally.
 * Metrics and the time attributes compare with numbers; params, tags and the
 * other attributes compare with strings using `=`, `!=`, `LIKE` or `ILIKE`.
 *
 * @param input - the filter text; empty or blank means no condition
 * @returns the clauses in the order written
 * @throws {@link RunFilterSyntaxError} naming what was expected and where
 * @public
 */
export function parseRunFilter(input: string): RunFilterClause[] {
  if (input.length > RUN_FILTER_MAX_LENGTH) {
    throw new RunFilterSyntaxError(
      `Invalid filter at position ${RUN_FILTER_MAX_LENGTH}: at most ${RUN_FILTER_MAX_LENGTH} characters are allowed, found ${input.length}`,
      RUN_FILTER_MAX_LENGTH,
    );
  }
  return new RunFilterParser(input).parse();
}

function formatKey(key: string): string {
  return WHOLE_UNQUOTED_KEY.test(key)
    ? key
    : `\`${key.replace(/[\\`]/g, '\\$&')}\``;
}

function formatValue(value: string | number): string {
  if (typeof value === 'number') {
    // String(-0) is "0", which would parse back as a different number.
    return Object.is(value, -0) ? '-0' : String(value);
  }
  // Pick the quote that needs no escaping when there is one, so that written
  // filters stay as readable as the user's own.
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(quote === "'" ? /[\\']/g : /[\\"]/g, '\\$&');
  return `${quote}${escaped}${quote}`;
}

function formatOperand(clause: RunFilterClause): string {
  switch (clause.kind) {
    case 'metric':
      return `metrics.${formatKey(clause.key)}`;
    case 'param':
      return `params.${formatKey(clause.key)}`;
    case 'tag':
      return `tags.${formatKey(clause.key)}`;
    default:
      return clause.key;
  }
}

function describeInvalidClause(clause: RunFilterClause): string | undefined {
  const { kind, key, op, value } = clause;
  if (!KINDS.has(kind)) {
    return `unknown kind '${kind}'`;
  }
  if (typeof key !== 'string' || key === '') {
    return 'the key must be a non-empty string';
  }
  if (kind === 'attribute' && !CANONICAL_ATTRIBUTES.has(key)) {
    return `unknown attribute '${key}'`;
  }
  if (!NUMERIC_OPERATORS.includes(op) && !STRING_OPERATORS.includes(op)) {
    return `unknown comparator '${op}'`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `the number ${value} cannot be written in a filter`;
  }
  if (typeof value !== 'number' && typeof value !== 'string') {
    return 'the value must be a number or a string';
  }
  return checkClause(kind, key, op, value, formatOperand(clause))?.message;
}

/**
 * Writes clauses in the run filter language, so that UI quick filters can
 * show and edit a filter as text.
 *
 * @remarks
 * `parseRunFilter(formatRunFilter(clauses))` deep-equals `clauses`.
 * Attributes are written by their bare canonical names, keywords in upper
 * case, and keys are quoted only when they need to be.
 *
 * @param clauses - the clauses to write
 * @returns the filter text; an empty string for no clauses
 * @throws TypeError for a clause that the parser would reject, and RangeError
 * when the clauses exceed {@link RUN_FILTER_MAX_CLAUSES} or the text exceeds
 * {@link RUN_FILTER_MAX_LENGTH}, because the result must parse
 * @public
 */
export function formatRunFilter(clauses: readonly RunFilterClause[]): string {
  if (clauses.length > RUN_FILTER_MAX_CLAUSES) {
    throw new RangeError(
      `A run filter has at most ${RUN_FILTER_MAX_CLAUSES} clauses, got ${clauses.length}`,
    );
  }
  const text = clauses
    .map((clause, index) => {
      const problem = describeInvalidClause(clause);
      if (problem) {
        throw new TypeError(
          `Cannot format run filter clause ${index + 1}: ${problem}`,
        );
      }
      return `${formatOperand(clause)} ${clause.op} ${formatValue(
        clause.value,
      )}`;
    })
    .join(' AND ');
  if (text.length > RUN_FILTER_MAX_LENGTH) {
    throw new RangeError(
      `A run filter has at most ${RUN_FILTER_MAX_LENGTH} characters, the clauses need ${text.length}`,
    );
  }
  return text;
}
