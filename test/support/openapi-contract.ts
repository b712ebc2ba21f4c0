import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/*
 * Every answer the API gives a test, checked against the live OpenAPI document: the operation the
 * request went to must document the status, and the body must match the schema documented for it.
 * A mismatch fails the test that received the answer, naming the operation, the status and the field.
 */

interface Schema {
  [keyword: string]: unknown;
}

interface ResponseDoc {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

interface OperationDoc {
  operationId?: string;
  responses: Record<string, ResponseDoc>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, Schema> };
}

/** What the check reads of an answer (a supertest response has all of it). */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Segments without a parameter: when two templates match, the more literal one is Express's route. */
  literals: number;
  operation: OperationDoc;
}

const COMPONENTS = 'openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * An OpenAPI 3.0 schema as JSON Schema: `nullable: true` becomes a `null` type (OpenAPI 3.0 lets a
 * nullable schema be null only where it names a type, and a `$ref` or `allOf` beside it is read as
 * "null, or that"), component references point into the components schema, and annotations JSON
 * Schema does not have (`example`) go.
 */
export function toJsonSchema(schema: Schema): Schema {
  const { nullable, example: _example, examples: _examples, ...rest } = schema;
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(rest)) {
    if ((keyword === 'properties' || keyword === 'patternProperties') && value && typeof value === 'object') {
      out[keyword] = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, s]) => [name, toJsonSchema(s)]));
    } else if (['items', 'additionalProperties', 'not'].includes(keyword) && value && typeof value === 'object') {
      out[keyword] = toJsonSchema(value as Schema);
    } else if (['allOf', 'oneOf', 'anyOf'].includes(keyword) && Array.isArray(value)) {
      out[keyword] = value.map((s: Schema) => toJsonSchema(s));
    } else if (keyword === '$ref' && typeof value === 'string') {
      out[keyword] = value.replace('#/components/schemas/', `${COMPONENTS}#/definitions/`);
    } else {
      out[keyword] = value;
    }
  }
  if (nullable !== true) return out;
  const composed = out.$ref !== undefined || out.allOf !== undefined || out.oneOf !== undefined || out.anyOf !== undefined;
  if (typeof out.type === 'string' && !composed) return { ...out, type: [out.type, 'null'] };
  return { anyOf: [{ type: 'null' }, out] };
}

const templatePattern = (template: string) =>
  new RegExp(`^${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);

function describeError(e: ErrorObject): string {
  const at = e.instancePath || '(body)';
  if (e.keyword === 'additionalProperties') return `${at} has the undocumented property ${String((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (e.keyword === 'required') return `${at} lacks the required property ${String((e.params as { missingProperty: string }).missingProperty)}`;
  return `${at} ${e.message ?? e.keyword}${e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)})` : ''}`;
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
    addFormats(this.ajv);
    // Multipart file parts; only request bodies have them.
    this.ajv.addFormat('binary', true);
    const definitions = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s)]));
    this.ajv.addSchema({ $id: COMPONENTS, definitions });
    this.routes = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]) => ({
          method,
          template,
          pattern: templatePattern(template),
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          operation,
        })),
    );
  }

  /** The operation a request reaches, or undefined for what the document does not describe (the web app, an unknown route). */
  routeOf(method: string, url: string): Route | undefined {
    const path = new URL(url, 'http://localhost').pathname;
    return this.routes
      .filter((r) => r.method === method.toLowerCase() && r.pattern.test(path))
      .sort((a, b) => b.literals - a.literals)[0];
  }

  /** What in `answer` the document does not say; empty when the answer is as documented. */
  problems(method: string, url: string, answer: Answer): string[] {
    const route = this.routeOf(method, url);
    if (!route) return [];
    const { responses } = route.operation;
    const key = [String(answer.status), `${Math.floor(answer.status / 100)}XX`, 'default'].find((k) => responses[k]);
    if (!key) return [`status ${answer.status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const documented = responses[key].content ?? {};
    const contentType = String(answer.headers['content-type'] ?? '').split(';')[0].trim();
    const hasBody = (answer.text ?? '').length > 0 || (answer.body !== undefined && answer.body !== null && answer.text === undefined);
    if (!hasBody) return Object.keys(documented).length > 0 ? [`status ${key} documents a body (${Object.keys(documented).join(', ')}) but the answer has none`] : [];
    const media = documented[contentType];
    if (!media) return [`the answer is ${contentType || 'untyped'}, but status ${key} documents ${Object.keys(documented).join(', ') || 'no body'}`];
    // A file (a PDF) is bytes, not JSON: its schema (`format: binary`) says nothing more to check.
    if (!media.schema || media.schema.format === 'binary') return [];
    const validate = this.validator(route, key, contentType, media.schema);
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).slice(0, 12).map(describeError);
  }

  /** Throws, naming the operation, when the answer is not as documented. */
  check(method: string, url: string, answer: Answer): void {
    const problems = this.problems(method, url, answer);
    if (problems.length === 0) return;
    const route = this.routeOf(method, url)!;
    throw new Error(
      `The answer of ${method.toUpperCase()} ${url} (operation ${method.toUpperCase()} ${route.template}, status ${answer.status}) ` +
        `is not as the OpenAPI document says:\n  - ${problems.join('\n  - ')}\nbody: ${JSON.stringify(answer.body).slice(0, 1500)}`,
    );
  }

  private validator(route: Route, status: string, contentType: string, schema: Schema): ValidateFunction {
    const id = `${route.method} ${route.template} ${status} ${contentType}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.validators.set(id, validate);
    }
    return validate;
  }
}

const AGENT_METHODS = new Set(['get', 'put', 'post', 'delete', 'del', 'options', 'head', 'patch']);

/**
 * The agent, with every request it makes checked against the contract when its answer arrives: the
 * check runs after the test's own expectations, so a wrong status is reported as the test wrote it.
 */
export function checkedAgent(agent: TestAgent, contract: OpenApiContract): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !AGENT_METHODS.has(property) || typeof value !== 'function') return value;
      const method = property === 'del' ? 'delete' : property;
      return (url: string, ...rest: unknown[]) => checked((value as (...args: unknown[]) => request.Test).call(target, url, ...rest), method, url, contract);
    },
  });
}

function checked(test: request.Test, method: string, url: string, contract: OpenApiContract): request.Test {
  const end = test.end.bind(test);
  test.end = (callback) => {
    test.expect((res: Answer) => contract.check(method, url, res));
    return end(callback);
  };
  return test;
}
