// The subset of the EventBridge event-pattern language the local bus implements. A wiring that
// uses anything else is refused when the runtime starts, so a pattern can never silently match
// differently on a laptop than in AWS.
//
// Supported (same semantics as EventBridge):
//   - field names at any depth, nested objects for nested fields (`detail: { data: { level: [...] } }`)
//   - a non-empty array of matchers per leaf field; the field matches if ANY matcher matches, and an
//     array-valued event field matches if ANY of its elements matches
//   - exact values: string, number, boolean, null
//   - { "prefix": "<string>" }
//   - { "anything-but": <value> | [<values>] }   (values: strings or numbers)
//   - { "exists": true | false }
//   - { "numeric": [">", 0, "<=", 5] }            (operators =, <, <=, >, >=; one or two comparisons)
// Not supported (refused): suffix, wildcard, equals-ignore-case, cidr, $or, anything-but with
// prefix/suffix/wildcard, and any other operator.

export class PatternError extends Error {
  constructor(path: string, message: string) {
    super(`event pattern ${path || '(root)'}: ${message}`);
    this.name = 'PatternError';
  }
}

type Matcher = (present: boolean, value: unknown) => boolean;

const NUMERIC_OPS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function anyOf(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

function compileOperator(path: string, op: Record<string, unknown>): Matcher {
  const keys = Object.keys(op);
  if (keys.length !== 1)
    throw new PatternError(path, `a matcher object must have exactly one operator, got ${keys.join(', ') || 'none'}`);
  const name = keys[0]!;
  const arg = op[name];
  switch (name) {
    case 'prefix':
      if (typeof arg !== 'string') throw new PatternError(path, 'prefix takes a string');
      return (present, v) => present && anyOf(v, (x) => typeof x === 'string' && x.startsWith(arg));
    case 'anything-but': {
      const banned = Array.isArray(arg) ? arg : [arg];
      if (banned.length === 0 || !banned.every((b) => typeof b === 'string' || typeof b === 'number')) {
        throw new PatternError(
          path,
          'anything-but takes a string, a number or a non-empty array of them (prefix/suffix/wildcard forms are not supported locally)',
        );
      }
      return (present, v) => present && anyOf(v, (x) => !banned.includes(x as string | number));
    }
    case 'exists':
      if (typeof arg !== 'boolean') throw new PatternError(path, 'exists takes true or false');
      return (present) => present === arg;
    case 'numeric': {
      if (!Array.isArray(arg) || (arg.length !== 2 && arg.length !== 4))
        throw new PatternError(path, 'numeric takes [op, n] or [op, n, op, n]');
      const checks: [(a: number, b: number) => boolean, number][] = [];
      for (let i = 0; i < arg.length; i += 2) {
        const fn = NUMERIC_OPS[String(arg[i])];
        const n = arg[i + 1];
        if (!fn || typeof n !== 'number')
          throw new PatternError(path, `numeric operator ${String(arg[i])} with ${String(n)} is not supported`);
        checks.push([fn, n]);
      }
      return (present, v) => present && anyOf(v, (x) => typeof x === 'number' && checks.every(([fn, n]) => fn(x, n)));
    }
    default:
      throw new PatternError(
        path,
        `the operator "${name}" is outside the subset the local bus implements (see packages/local/src/bus/pattern.ts)`,
      );
  }
}

function compileLeaf(path: string, matchers: unknown[]): Matcher {
  if (matchers.length === 0) throw new PatternError(path, 'an empty array matches nothing');
  const compiled: Matcher[] = matchers.map((m) => {
    if (isPlainObject(m)) return compileOperator(path, m);
    if (m === null || ['string', 'number', 'boolean'].includes(typeof m)) {
      return (present, v) => present && anyOf(v, (x) => x === m);
    }
    throw new PatternError(path, `unsupported matcher ${JSON.stringify(m)}`);
  });
  return (present, v) => compiled.some((c) => c(present, v));
}

export type CompiledPattern = (event: Record<string, unknown>) => boolean;

function compileObject(path: string, pattern: Record<string, unknown>): CompiledPattern {
  const fields = Object.entries(pattern).map(([key, sub]) => {
    const p = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) throw new PatternError(p, `"${key}" is not supported locally`);
    if (Array.isArray(sub)) {
      const leaf = compileLeaf(p, sub);
      return (obj: Record<string, unknown>) => leaf(Object.hasOwn(obj, key) && obj[key] !== undefined, obj[key]);
    }
    if (isPlainObject(sub)) {
      const nested = compileObject(p, sub);
      return (obj: Record<string, unknown>) => isPlainObject(obj[key]) && nested(obj[key] as Record<string, unknown>);
    }
    throw new PatternError(p, 'each field takes an array of matchers or a nested object');
  });
  return (obj) => fields.every((f) => f(obj));
}

export function compilePattern(pattern: Record<string, unknown>): CompiledPattern {
  if (!isPlainObject(pattern) || Object.keys(pattern).length === 0)
    throw new PatternError('', 'a pattern is a non-empty object');
  return compileObject('', pattern);
}
