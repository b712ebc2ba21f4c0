import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/*
 * Requests generated from the API's own OpenAPI document: what each operation documents (path,
 * query and header parameters, request bodies resolved through components.schemas), filled with
 * near-valid values and with hostile ones. Used by openapi-fuzz.e2e-spec.ts.
 */

// ---------------------------------------------------------------------------------------------
// The OpenAPI document
// ---------------------------------------------------------------------------------------------

/** The parts of an OpenAPI 3 schema the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One operation of the document, its parameters sorted by where they go. */
export interface Operation {
  /** `METHOD /path/{param}`, as the document names it. */
  id: string;
  method: Method;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** Header parameters, one per name whatever its case (Nest documents some twice). */
  headers: Parameter[];
  /** Request body schema by content type. */
  bodies: Record<string, Schema>;
}

const METHODS: Method[] = ['get', 'post', 'patch', 'put', 'delete'];

export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (METHODS as string[]).includes(method))
      .map(([method, op]) => {
        const params = op.parameters ?? [];
        const headers = new Map<string, Parameter>();
        for (const p of params.filter((x) => x.in === 'header')) {
          const key = p.name.toLowerCase();
          const seen = headers.get(key);
          // Optional if any of its entries says so: an optional header documented as required too is still optional.
          headers.set(key, { ...p, name: seen?.name ?? p.name, required: (seen?.required ?? true) && !!p.required });
        }
        return {
          id: `${method.toUpperCase()} ${path}`,
          method: method as Method,
          path,
          pathParams: params.filter((p) => p.in === 'path'),
          query: params.filter((p) => p.in === 'query'),
          headers: [...headers.values()],
          bodies: Object.fromEntries(Object.entries(op.requestBody?.content ?? {}).flatMap(([type, media]) => (media.schema ? [[type, media.schema]] : []))),
        };
      }),
  );
}

/** Follows `$ref` into components.schemas and merges `allOf`; `name` is the component a schema came from. */
export class Schemas {
  constructor(private readonly components: Record<string, Schema>) {}

  resolve(schema: Schema): { schema: Schema; name?: string } {
    let name: string | undefined;
    let current = schema;
    for (let hops = 0; current.$ref && hops < 16; hops++) {
      name = current.$ref.split('/').pop()!;
      const target = this.components[name];
      if (!target) throw new Error(`the OpenAPI document refers to a missing schema ${current.$ref}`);
      current = { ...target, nullable: current.nullable || target.nullable };
    }
    if (current.allOf?.length) {
      const parts = current.allOf.map((part) => this.resolve(part));
      const { allOf: _allOf, ...own } = current;
      current = parts.reduce<Schema>(
        (merged, part) => ({
          ...part.schema,
          ...merged,
          properties: { ...part.schema.properties, ...merged.properties },
          required: [...(part.schema.required ?? []), ...(merged.required ?? [])],
          type: part.schema.type ?? merged.type,
        }),
        own,
      );
      name = name ?? parts.find((p) => p.name)?.name;
    }
    return { schema: current, name };
  }
}

// ---------------------------------------------------------------------------------------------
// JSON text with values JSON.stringify cannot write
// ---------------------------------------------------------------------------------------------

/** A piece of JSON text sent as written: `-0`, `1e309`, 40 000 levels of nesting, … */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text.length > 60 ? `RawJson(${this.text.slice(0, 30)}…${this.text.length} chars)` : `RawJson(${this.text})`;
  }
}

export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const marker = `@@raw-${randomUUID()}-`;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof RawJson)) return v;
    raws.push(v.text);
    return `${marker}${raws.length - 1}`;
  }) as string | undefined;
  if (text === undefined) return '';
  return raws.length ? text.replace(new RegExp(`"${marker}(\\d+)"`, 'g'), (_m, i: string) => raws[Number(i)]) : text;
}

/** Sets a property as an own, enumerable one, even `__proto__` (which plain assignment would treat as the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(copy, k, clone(v));
    return copy;
  }
  return value;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson);

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

/** Text that has broken applications before: injection, markup, scripts, bidi and combining marks, NUL, lone surrogates, number-like words. */
export const HOSTILE_TEXT: readonly string[] = [
  "Robert'); DROP TABLE proposal;--",
  "' OR '1'='1' --",
  '1; SELECT pg_sleep(3); --',
  '"; DELETE FROM person; --',
  "\\'; --",
  '%_\\%',
  '$1::text',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  'مرحبا بالعالم — اقتراح ابتكار',
  'שלום עולם',
  '\u202Egnp.exe\u202C',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '👨‍👩‍👧‍👦 🚀 🇮🇩 🏳️‍🌈',
  'e\u0301 a\u0308 Z\u0335\u0321\u0327',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛',
  '日本語のテキスト、中文文本、한국어',
  'line\r\nbreak\ttab\u000bvt\u000cff',
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone low \udfff surrogate',
  '',
  ' ',
  '\u00a0\u3000',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '１２３',
  '__proto__',
  'constructor',
];

/** Dates that are valid ISO-8601 text but odd, and text that only looks like a date. */
export const HOSTILE_DATES: readonly string[] = [
  '2026-02-30T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-13-01',
  '2026-01-01T25:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-01-01T00:00:00+14:00',
  '2026-01-01T00:00:00.123456789Z',
  '2026-W01',
  'now',
  '1767225600000',
];

/** Numbers JSON can carry but JavaScript may not keep as written. */
const RAW_NUMBERS = ['-0', '1e308', '-1e308', '1e309', '-1e309', '5e-324', '1e-400', '123456789012345678901234567890', '9007199254740993', '0.30000000000000004', '1E2', '-0.0', '2147483648'];

/** Query and path text the URL carries as written (broken or surprising percent-encoding). */
const RAW_URL_TEXT = ['%', '%00', '%E0%A4%A', '%FF%FE', '%C0%AF', '..%2F..%2F', '%2e%2e%2f', '%u0041', '+', '%20%20'];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '$where', '$gt', 'a.b', 'a[0]', '', ' ', 'k'.repeat(300), '🚀', 'ключ', 'toString', 'id', 'status', 'proposerId', 'roles', 'version', 'createdAt'];

const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length));

export const longText = (min = 201, max = 20_000) =>
  fc.tuple(fc.constantFrom('x', 'ä', '🚀', "'; --", '<b>', 'ب', 'e\u0301'), fc.integer({ min, max })).map(([unit, n]) => repeatTo(unit, n));

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 5 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_DATES), weight: 1 },
  { arbitrary: longText(), weight: 1 },
);

const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 0.001, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(...RAW_NUMBERS).map((n) => new RawJson(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Arrays or objects nested far deeper than any body of the API. */
export const deepNesting: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.integer({ min: 20, max: 300 }), fc.constantFrom('array', 'object', 'mixed')).map(([depth, shape]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) {
      const asArray = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
      value = asArray ? [value] : { a: value };
    }
    return value;
  }),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.integer({ min: 1_000, max: 10_000 }).map((depth) => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 6 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], ['']), weight: 2 },
  { arbitrary: fc.array(hostileText, { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileText).map(([key, text]) => {
      const object = {};
      setOwn(object, key, text);
      return object;
    }),
    weight: 1,
  },
  { arbitrary: deepNesting, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Values from schemas
// ---------------------------------------------------------------------------------------------

/** Real or safe values for a property, by the schema it belongs to and its name; undefined: generate from the schema. */
export type Hints = (owner: string | undefined, prop: string) => fc.Arbitrary<unknown> | undefined;

interface At {
  owner?: string;
  prop?: string;
}

const MAX_SCHEMA_DEPTH = 6;

const typeOfExample = (example: unknown): string | undefined =>
  example === undefined ? undefined : Array.isArray(example) ? 'array' : example === null ? undefined : typeof example === 'object' ? 'object' : typeof example;

/** Dates around now, and some at the edges of what ISO-8601 and Postgres can hold. */
const dateTime: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: -30 * 24 * 60, max: 80 * 24 * 60 }).map((minutes) => new Date(Date.now() + minutes * 60_000)), weight: 6 },
  { arbitrary: fc.constantFrom(new Date('1900-01-01T00:00:00Z'), new Date('9999-12-31T23:59:59Z'), new Date('2000-02-29T12:00:00Z')), weight: 1 },
).chain((date) =>
  fc.constantFrom(
    date.toISOString(),
    date.toISOString().replace('Z', '+00:00'),
    new Date(date.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00'),
    date.toISOString().slice(0, 10),
  ),
);

export class ValueGenerator {
  constructor(
    private readonly schemas: Schemas,
    private readonly hints: Hints,
  ) {}

  /** A value the schema allows, or near it (the document does not carry every rule, e.g. slug patterns). */
  valid(schema: Schema, at: At = {}): fc.Arbitrary<unknown> {
    return this.value(schema, at, 0, false);
  }

  /**
   * The smallest value of the schema: required fields only, arrays as short as allowed, the
   * documented example wherever there is one. Optional fields that only go with others (a
   * selector's positionId with kind position) make most full values invalid; this one often is not.
   */
  minimal(schema: Schema): fc.Arbitrary<unknown> {
    return this.value(schema, {}, 0, true);
  }

  private value(schema: Schema, at: At, depth: number, minimal: boolean): fc.Arbitrary<unknown> {
    const hinted = at.prop === undefined ? undefined : this.hints(at.owner, at.prop);
    if (hinted) return hinted;
    const { schema: s, name } = this.schemas.resolve(schema);
    const value = this.valueOf(s, name ?? at.owner, at, depth, minimal);
    return s.nullable && !minimal ? fc.oneof({ arbitrary: value, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
  }

  private valueOf(s: Schema, owner: string | undefined, at: At, depth: number, minimal: boolean): fc.Arbitrary<unknown> {
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const alternatives = s.oneOf ?? s.anyOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((alt) => this.value(alt, at, depth + 1, minimal)));
    if (minimal && !s.pattern && s.example !== undefined && typeof s.example !== 'object') return fc.constant(s.example);
    // Swagger types some nullable scalars as `object`; the example tells what they hold.
    const type = s.type === 'object' && !s.properties ? (typeOfExample(s.example) ?? 'object') : (s.type ?? (s.properties ? 'object' : typeOfExample(s.example)));
    switch (type) {
      case 'string':
        return this.string(s);
      case 'number':
      case 'integer':
        return this.number(s, type === 'integer' || Number.isInteger(s.example));
      case 'boolean':
        return fc.boolean();
      case 'array': {
        if (depth >= MAX_SCHEMA_DEPTH) return fc.constant([]);
        const min = s.minItems ?? 0;
        const items = s.items ? this.value(s.items, { owner }, depth + 1, minimal) : fc.string({ maxLength: 20 });
        const generated = fc.array(items, { minLength: min, maxLength: minimal ? min : Math.min(s.maxItems ?? min + 3, min + 3) });
        return Array.isArray(s.example) && !minimal ? fc.oneof(generated, fc.constant(s.example)) : generated;
      }
      case 'object': {
        if (!s.properties || depth >= MAX_SCHEMA_DEPTH) return fc.constant({});
        const required = (s.required ?? []).filter((k) => k in s.properties!);
        const props = Object.entries(s.properties).filter(([prop]) => !minimal || required.includes(prop));
        const shape = Object.fromEntries(props.map(([prop, p]) => [prop, this.value(p, { owner, prop }, depth + 1, minimal)]));
        return fc.record(shape, { requiredKeys: required });
      }
      default:
        return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean());
    }
  }

  private string(s: Schema): fc.Arbitrary<unknown> {
    if (s.format === 'uuid') return fc.uuid({ version: 4 });
    if (s.format === 'date-time') return dateTime;
    if (s.format === 'binary') return fc.string({ maxLength: 200 });
    if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
    const min = s.minLength ?? 0;
    const max = Math.max(min, Math.min(s.maxLength ?? 80, 200));
    const options: fc.WeightedArbitrary<string>[] = [
      { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), weight: 1 },
      { arbitrary: fc.lorem({ maxCount: 6 }).map((text) => (text.length < min ? repeatTo(`${text} `, min) : text).slice(0, max)), weight: 1 },
    ];
    // The example is the one value known to pass the rules the document does not carry (patterns, lengths).
    if (typeof s.example === 'string') options.push({ arbitrary: fc.constant(s.example), weight: 3 });
    return fc.oneof(...options);
  }

  private number(s: Schema, integer: boolean): fc.Arbitrary<unknown> {
    const min = s.minimum ?? (typeof s.example === 'number' && s.example >= 0 ? 0 : -1_000);
    const max = s.maximum ?? Math.max(min + 1_000, typeof s.example === 'number' ? s.example * 2 : 0);
    const options: fc.WeightedArbitrary<unknown>[] = [
      { arbitrary: integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), weight: 1 },
      { arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), weight: 1 },
    ];
    if (typeof s.example === 'number') options.push({ arbitrary: fc.constant(s.example), weight: 3 });
    return fc.oneof(...options);
  }

  /** A valid-ish value with one to three changes somewhere inside: a field dropped, nulled, retyped or replaced by hostile input, an unknown field added, … */
  mutated(schema: Schema): fc.Arbitrary<unknown> {
    return fc.oneof({ arbitrary: this.valid(schema), weight: 3 }, { arbitrary: this.minimal(schema), weight: 1 }).chain((value) =>
      fc
        .array(fc.tuple(fc.nat(), fc.constantFrom(...MUTATIONS), hostileValue, fc.constantFrom(...HOSTILE_KEYS, 'unknownField', 'extra'), deepNesting), { minLength: 1, maxLength: 3 })
        .map((steps) => steps.reduce((current, [pick, mutation, hostile, key, deep]) => mutate(current, pick, mutation, mutation === 'deep' ? deep : hostile, key), clone(value))),
    );
  }
}

const MUTATIONS = ['replace', 'replace', 'replace', 'drop', 'drop', 'null', 'unknown', 'wrap', 'unwrap', 'retype', 'deep', 'long'] as const;
type Mutation = (typeof MUTATIONS)[number];

type Path = (string | number)[];

/** Every place in the value (up to a few levels down) a mutation can hit; [] is the value itself. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (path.length >= 6) return out;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

const getAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, key) => (Array.isArray(v) || isPlainObject(v) ? (v as Record<string | number, unknown>)[key] : undefined), value);

function retype(value: unknown): unknown {
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value.length > 0 ? [value] : 0;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 1;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (isPlainObject(value)) return '[object Object]';
  return 'null';
}

function mutate(value: unknown, pick: number, mutation: Mutation, hostile: unknown, key: string): unknown {
  const paths = pathsOf(value);
  const path = paths[pick % paths.length];
  const current = getAt(value, path);
  let replacement: unknown;
  switch (mutation) {
    case 'replace':
    case 'deep':
      replacement = hostile;
      break;
    case 'null':
      replacement = null;
      break;
    case 'wrap':
      replacement = [current];
      break;
    case 'unwrap':
      replacement = Array.isArray(current) ? current[0] : isPlainObject(current) ? Object.values(current)[0] : current;
      break;
    case 'retype':
      replacement = retype(current);
      break;
    case 'long':
      replacement = repeatTo(typeof current === 'string' && current.length > 0 ? current : 'x', 2_000 + (pick % 30_000));
      break;
    case 'drop':
    case 'unknown': {
      const container = mutation === 'unknown' && isPlainObject(current) ? current : getAt(value, path.slice(0, -1));
      if (mutation === 'unknown' && isPlainObject(container)) setOwn(container, key, hostile);
      else if (mutation === 'drop' && isPlainObject(container) && path.length > 0) delete container[path[path.length - 1] as string];
      else if (mutation === 'drop' && Array.isArray(container) && path.length > 0) container.splice(path[path.length - 1] as number, 1);
      return value;
    }
  }
  if (path.length === 0) return replacement;
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  if (Array.isArray(parent)) parent[path[path.length - 1] as number] = replacement;
  else setOwn(parent, path[path.length - 1] as string, replacement);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export type Actor = 'anonymous' | 'forged' | 'proposer' | 'approver' | 'admin';

export interface UrlPart {
  value: string;
  /** Sent exactly as written, not percent-encoded. */
  raw?: boolean;
}

export interface MultipartPart {
  name: string;
  content: string | Buffer;
  /** A file part (with a filename) rather than a text field. */
  filename?: string;
}

export type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType?: string; text: string; headers?: Record<string, string> }
  | { kind: 'multipart'; parts: MultipartPart[] };

export interface FuzzRequest {
  actor: Actor;
  /** The forged Authorization header, for actor `forged`. */
  forgery: string;
  pathParams: Record<string, UrlPart>;
  query: QueryPart[];
  headers: Record<string, string>;
  body?: Body;
}

/** Where the generator finds real values: ids of the test's own objects, by what a path segment names. */
export interface RequestContext {
  values: ValueGenerator;
  schemas: Schemas;
  /** Real values for a path parameter (e.g. ids of proposals the signed-in proposer owns); empty: none known. */
  pathValues(op: Operation, param: Parameter): string[];
  /** Applied to every generated body value before it is written out: keeps it off data the test does not own. */
  guardBody(op: Operation, value: unknown): unknown;
  /** The same for the query. */
  guardQuery(op: Operation, query: QueryPart[]): QueryPart[];
}

export interface QueryPart {
  key: string;
  value: UrlPart;
}

const safeEncode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8 form; the URL carries its replacement character.
    return encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));
  }
};

export const encodeUrlPart = (part: UrlPart) => (part.raw ? part.value : safeEncode(part.value));

/** What Node lets a header value hold: tab, visible ASCII and space, and Latin-1 (obs-text). */
export const headerSafe = (text: string) => text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

/**
 * Node refuses a request whose head (request line and headers) exceeds 16 KiB with a bare 431 before
 * the application sees it; URLs and header values stay below that, so that the answer is the API's.
 */
const MAX_URL_PART = 3_000;
const MAX_URL = 7_000;
const MAX_HEADER_VALUE = 1_500;

const urlText: fc.Arbitrary<UrlPart> = fc
  .oneof(
    { arbitrary: hostileText.map((value) => ({ value })), weight: 4 },
    { arbitrary: fc.constantFrom(...RAW_URL_TEXT).map((value) => ({ value, raw: true })), weight: 1 },
    { arbitrary: longText(500, 3_000).map((value) => ({ value })), weight: 1 },
  )
  .map((part) => (encodeUrlPart(part).length <= MAX_URL_PART ? part : { value: part.value.slice(0, Math.floor(MAX_URL_PART / 12)) }));

const numberText = fc.constantFrom('0', '-1', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '-0', '0x10', '99999999999999999999', '2147483648', ' 1', '1 ', '１', '');

function pathParamArb(ctx: RequestContext, op: Operation, param: Parameter): fc.Arbitrary<UrlPart> {
  const real = ctx.pathValues(op, param);
  const numeric = param.schema?.type === 'number' || param.schema?.type === 'integer';
  const options: fc.WeightedArbitrary<UrlPart>[] = [
    { arbitrary: fc.uuid({ version: 4 }).map((value) => ({ value })), weight: 2 },
    { arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-1fff-bfff-ffffffffffff', 'not-a-uuid').map((value) => ({ value })), weight: 1 },
    { arbitrary: urlText, weight: 2 },
  ];
  if (numeric) {
    options.push({ arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => ({ value: String(n) })), weight: 6 }, { arbitrary: numberText.map((value) => ({ value })), weight: 3 });
  }
  if (real.length) {
    options.push(
      { arbitrary: fc.constantFrom(...real).map((value) => ({ value })), weight: numeric ? 2 : 10 },
      { arbitrary: fc.constantFrom(...real).map((value) => ({ value: value.toUpperCase() })), weight: 1 },
    );
  }
  return fc.oneof(...options);
}

/** The text of a query value the schema allows: arrays comma-joined or repeated, booleans and numbers as words. */
function asQueryValues(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.length > 1 && value.length % 2 === 0 ? value.map(String) : [value.map(String).join(',')];
  return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

/** A query parameter left out or given a value its schema allows. */
function validQueryParamArb(ctx: RequestContext, param: Parameter): fc.Arbitrary<QueryPart[]> {
  const valid = ctx.values.valid(param.schema ?? { type: 'string' }, { prop: param.name }).map((v) => asQueryValues(v).map((value) => ({ key: param.name, value: { value } })));
  return param.required ? valid : fc.oneof({ arbitrary: fc.constant<QueryPart[]>([]), weight: 4 }, { arbitrary: valid, weight: 3 });
}

/** A query parameter given hostile text, a number-like word, twice (an array), or with brackets (asking a parser for an object). */
function hostileQueryParamArb(param: Parameter): fc.Arbitrary<QueryPart[]> {
  const single = (arb: fc.Arbitrary<UrlPart>) => arb.map((value) => [{ key: param.name, value }]);
  return fc.oneof(
    { arbitrary: single(urlText), weight: 2 },
    { arbitrary: single(numberText.map((value) => ({ value }))), weight: 2 },
    { arbitrary: fc.tuple(urlText, urlText).map(([a, b]) => [{ key: param.name, value: a }, { key: param.name, value: b }]), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('[]', '[a]', '[0]', '[__proto__]'), urlText).map(([suffix, value]) => [{ key: `${param.name}${suffix}`, value }]), weight: 1 },
  );
}

/** Every parameter valid or left out; in half of the requests one or two of them hostile; now and then one the document does not name. */
function queryArb(ctx: RequestContext, op: Operation): fc.Arbitrary<QueryPart[]> {
  const indices = op.query.map((_, i) => i);
  const hostile = indices.length ? fc.oneof(fc.constant<number[]>([]), fc.subarray(indices, { minLength: 1, maxLength: Math.min(2, indices.length) })) : fc.constant<number[]>([]);
  const extra = fc.oneof(
    { arbitrary: fc.constant<QueryPart[]>([]), weight: 6 },
    { arbitrary: fc.tuple(fc.constantFrom('unknown', 'limit', 'sort', '__proto__', 'scope', 'q'), urlText).map(([key, value]) => [{ key, value }]), weight: 1 },
  );
  return fc
    .tuple(fc.tuple(...op.query.map((p) => validQueryParamArb(ctx, p))), fc.tuple(...op.query.map(hostileQueryParamArb)), hostile, extra)
    .map(([valid, bad, chosen, more]) => [...indices.flatMap((i) => (chosen.includes(i) ? bad[i] : valid[i])), ...more]);
}

function headerValueArb(param: Parameter): fc.Arbitrary<string> {
  const name = param.name.toLowerCase();
  const plausible =
    name === 'if-match'
      ? fc.oneof(fc.nat({ max: 5 }).map(String), fc.nat({ max: 5 }).map((n) => `"${n}"`), fc.nat({ max: 5 }).map((n) => `W/"${n}"`))
      : name === 'idempotency-key'
        ? fc.stringMatching(/^[A-Za-z0-9._:-]{1,100}$/)
        : fc.string({ unit: 'binary-ascii', maxLength: 40 });
  const odd = fc.oneof(
    fc.constantFrom('', ' ', '*', '"', 'W/', '0', '-1', '"1", "2"', '99999999999', 'a b c', 'null', '../x', '<script>'),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.integer({ min: 101, max: MAX_HEADER_VALUE }).map((n) => 'k'.repeat(n)),
  );
  return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: odd, weight: 2 }).map(headerSafe);
}

const EXTRA_HEADERS: [string, fc.Arbitrary<string>][] = [
  ['Idempotency-Key', headerValueArb({ name: 'Idempotency-Key', in: 'header' })],
  ['If-Match', headerValueArb({ name: 'If-Match', in: 'header' })],
  ['X-Correlation-Id', fc.oneof(fc.constantFrom('', '<script>', 'a'.repeat(500), '../../x'), fc.string({ unit: 'binary-ascii', maxLength: 40 })).map(headerSafe)],
  ['Accept', fc.constantFrom('text/html', 'application/xml', '*/*;q=abc', '', 'application/json;charset=ebcdic')],
  ['Accept-Language', fc.constantFrom('en', 'id', 'xx-YY', '*;q=0', 'a'.repeat(300))],
];

function headersArb(op: Operation): fc.Arbitrary<Record<string, string>> {
  const documented = op.headers.map((p) => fc.option(headerValueArb(p), { nil: undefined, freq: 2 }));
  const extras = fc
    .subarray(EXTRA_HEADERS.map((_, i) => i), { maxLength: 2 })
    .chain((chosen) => fc.tuple(...chosen.map((i) => EXTRA_HEADERS[i][1].map((value): [string, string] => [EXTRA_HEADERS[i][0], value]))));
  return fc.tuple(fc.tuple(...documented), extras).map(([values, more]) => {
    const headers: Record<string, string> = {};
    op.headers.forEach((p, i) => {
      if (values[i] !== undefined) headers[p.name] = values[i];
    });
    for (const [name, value] of more) headers[name] = value;
    return headers;
  });
}

const MALFORMED_JSON = ['{"title": "x", ', "{'single': 1}", '{"a":1}}', '[1,2', '{"a": NaN}', '{"a": undefined}', '{"a":01}', '{"a":"\\x41"}', '{"a":"\\ud800"}', '\u0000', '{"a" 1}', '{,}', '\uFEFF{}', '{"a":1,"a":{"b":2}}'];
const BARE_JSON = ['null', '42', '"text"', 'true', '-0', '1e309'];
const ODD_CONTENT_TYPES = ['text/plain', 'application/xml', 'application/vnd.api+json', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'multipart/form-data', 'multipart/form-data; boundary=zzz', 'application/octet-stream', ''];

/** Bodies no schema describes: malformed or bare JSON, the wrong content type or encoding, larger than the server accepts. */
function oddBodyArb(near: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof(
    fc.constantFrom(...MALFORMED_JSON, ...BARE_JSON, '').map((text): Body => ({ kind: 'raw', contentType: 'application/json', text })),
    fc.tuple(near, fc.constantFrom(...ODD_CONTENT_TYPES)).map(([value, contentType]): Body => ({ kind: 'raw', contentType, text: toJsonText(value) })),
    near.map((value): Body => ({ kind: 'raw', contentType: 'application/x-www-form-urlencoded', text: formEncode(value) })),
    fc.tuple(near, fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'bogus')).map(([value, encoding]): Body => ({
      kind: 'raw',
      contentType: 'application/json',
      text: toJsonText(value),
      headers: { 'Content-Encoding': encoding },
    })),
    // Above BODY_LIMIT (100kb): refused before anything reads it.
    fc.integer({ min: 110_000, max: 160_000 }).map((n): Body => ({ kind: 'raw', contentType: 'application/json', text: JSON.stringify({ title: 'x'.repeat(n) }) })),
    deepNesting.map((value): Body => ({ kind: 'json', value })),
  );
}

function formEncode(value: unknown): string {
  if (!isPlainObject(value)) return safeEncode(toJsonText(value));
  return Object.entries(value)
    .map(([k, v]) => `${safeEncode(k)}=${safeEncode(typeof v === 'string' ? v : toJsonText(v))}`)
    .join('&');
}

/** CSV text with the columns of the rows of the JSON form of the same body (units → ImportUnitRow, …), some cells hostile. */
function csvArb(ctx: RequestContext, rowSchema: Schema | undefined): fc.Arbitrary<string | Buffer> {
  const row = rowSchema ? ctx.schemas.resolve(rowSchema) : undefined;
  const columns = Object.entries(row?.schema.properties ?? { value: { type: 'string' } as Schema });
  const cell = (schema: Schema, prop: string) =>
    fc.oneof(
      { arbitrary: ctx.values.valid(schema, { owner: row?.name, prop }).map((v) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v))), weight: 3 },
      { arbitrary: hostileText.filter((t) => t.length < 2_000), weight: 1 },
    );
  const text = fc
    .record({
      header: fc.shuffledSubarray(columns, { minLength: 1 }),
      extraColumn: fc.option(fc.constantFrom('', 'unknown', 'code', '"quoted"', '=cmd|"/c calc"!A1'), { nil: undefined }),
      separator: fc.constantFrom(',', ';', '\t', '|'),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      quote: fc.constantFrom('never', 'always', 'broken'),
      rows: fc.nat({ max: 6 }),
    })
    .chain(({ header, extraColumn, separator, eol, bom, quote, rows }) =>
      fc.array(fc.tuple(...header.map(([prop, schema]) => cell(schema, prop))), { minLength: rows, maxLength: rows }).map((cells) => {
        const q = (v: string) => (quote === 'always' || v.includes(separator) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : quote === 'broken' ? `"${v}` : v);
        const names = [...header.map(([prop]) => prop), ...(extraColumn === undefined ? [] : [extraColumn])];
        const lines = [names.join(separator), ...cells.map((c) => c.map(q).join(separator))];
        return `${bom ? '\uFEFF' : ''}${lines.join(eol)}`;
      }),
    );
  return fc.oneof({ arbitrary: text, weight: 6 }, { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 });
}

function multipartArb(ctx: RequestContext, schema: Schema, jsonAlternative: Schema | undefined): fc.Arbitrary<Body> {
  const fields = Object.keys(ctx.schemas.resolve(schema).schema.properties ?? {});
  const alternative = jsonAlternative ? ctx.schemas.resolve(jsonAlternative).schema.properties ?? {} : {};
  const part = (name: string) =>
    fc.option(
      fc.tuple(csvArb(ctx, alternative[name]?.items), fc.constantFrom('file', 'file', 'field'), fc.constantFrom(`${name}.csv`, 'data.txt', 'données 🚀.csv', 'a"b.csv', '../../etc/passwd')).map(
        ([content, as, filename]): MultipartPart => (as === 'field' ? { name, content: content.toString() } : { name, content, filename }),
      ),
      { nil: undefined },
    );
  const unexpected = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    {
      arbitrary: fc.constantFrom<MultipartPart>({ name: 'other', content: 'x', filename: 'other.csv' }, { name: fields[0] ?? 'file', content: 'again', filename: 'again.csv' }, { name: 'note', content: 'just text' }),
      weight: 1,
    },
  );
  return fc.tuple(fc.tuple(...fields.map(part)), unexpected).map(([parts, extra]): Body => ({
    kind: 'multipart',
    parts: [...parts, extra].filter((p): p is MultipartPart => p !== undefined),
  }));
}

function bodyArb(ctx: RequestContext, op: Operation): fc.Arbitrary<Body | undefined> {
  const json = op.bodies['application/json'];
  const multipart = op.bodies['multipart/form-data'];
  const guarded = (arb: fc.Arbitrary<unknown>) => arb.map((value) => ctx.guardBody(op, value));
  if (!json && !multipart) {
    // An operation that takes no body may still be sent one.
    return fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 8 },
      { arbitrary: guarded(hostileValue.filter(isPlainObject)).map((value): Body => ({ kind: 'json', value })), weight: 1 },
      { arbitrary: oddBodyArb(fc.constant({ unexpected: true })), weight: 1 },
    );
  }
  const options: fc.WeightedArbitrary<Body | undefined>[] = [{ arbitrary: fc.constant(undefined), weight: 1 }];
  if (json) {
    const near = guarded(fc.oneof({ arbitrary: ctx.values.valid(json), weight: 3 }, { arbitrary: ctx.values.minimal(json), weight: 2 }));
    options.push(
      { arbitrary: near.map((value): Body => ({ kind: 'json', value })), weight: 8 },
      { arbitrary: guarded(ctx.values.mutated(json)).map((value): Body => ({ kind: 'json', value })), weight: 9 },
      { arbitrary: oddBodyArb(near), weight: 3 },
    );
  }
  if (multipart) options.push({ arbitrary: multipartArb(ctx, multipart, json), weight: 6 });
  return fc.oneof(...options);
}

export const SIGNED_IN: Actor[] = ['proposer', 'approver', 'admin'];

/** Mostly the people the operation admits (so that most requests reach validation and the services), some of the others, a forged token and none. */
const actorArb = (admitted: Actor[]): fc.Arbitrary<Actor> =>
  fc.oneof(
    { arbitrary: fc.constant<Actor>('anonymous'), weight: 1 },
    { arbitrary: fc.constant<Actor>('forged'), weight: 1 },
    ...SIGNED_IN.map((actor) => ({ arbitrary: fc.constant(actor), weight: admitted.includes(actor) ? 12 / admitted.length : 1 })),
  );

const FORGERIES = fc.oneof(
  fc.constantFrom('Bearer garbage', 'Bearer ', 'Bearer a.b.c', 'Basic cm9vdDpyb290', 'bearer', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.', 'Token x'),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((t) => headerSafe(`Bearer ${t}`)),
);

/** Requests for one operation; `admitted`: the signed-in actors it lets through (they get most of the requests). */
export function requestArb(ctx: RequestContext, op: Operation, admitted: Actor[] = SIGNED_IN): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      actor: actorArb(admitted),
      forgery: FORGERIES,
      pathParams: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, pathParamArb(ctx, op, p)]))),
      query: queryArb(ctx, op),
      headers: headersArb(op),
      body: bodyArb(ctx, op),
    })
    .map((req) => fitUrl(op, { ...req, query: ctx.guardQuery(op, req.query) }));
}

/** Drops the longest query values until the URL fits in MAX_URL. */
function fitUrl(op: Operation, req: FuzzRequest): FuzzRequest {
  const query = [...req.query];
  while (query.length > 0 && urlOf(op, { ...req, query }).length > MAX_URL) {
    const longest = query.reduce((best, q, i) => (encodeUrlPart(q.value).length > encodeUrlPart(query[best].value).length ? i : best), 0);
    query.splice(longest, 1);
  }
  return { ...req, query };
}

export function urlOf(op: Operation, req: FuzzRequest): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeUrlPart(req.pathParams[name] ?? { value: '' }));
  const query = req.query.map(({ key, value }) => `${safeEncode(key)}=${encodeUrlPart(value)}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** A short description of a request for failure messages: long values cut. */
export function describeRequest(op: Operation, req: FuzzRequest): string {
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 200)}…(${text.length} chars)` : text);
  const body =
    req.body === undefined
      ? 'none'
      : req.body.kind === 'json'
        ? cut(toJsonText(req.body.value))
        : req.body.kind === 'raw'
          ? `${req.body.contentType ?? '(no content type)'} ${JSON.stringify(req.body.headers ?? {})} ${cut(JSON.stringify(req.body.text))}`
          : `multipart ${cut(JSON.stringify(req.body.parts.map((p) => ({ ...p, content: cut(p.content.toString()) }))))}`;
  return `${op.method.toUpperCase()} ${cut(urlOf(op, req))} as ${req.actor}${req.actor === 'forged' ? ` (${cut(req.forgery)})` : ''}, headers ${cut(JSON.stringify(req.headers))}, body ${body}`;
}
