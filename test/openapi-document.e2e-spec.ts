import type { Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { routeRules } from '@apps/api/openapi-document';
import { IDEMPOTENCY_KEY } from '@libs/http/idempotency-key';
import { AppStack, startAppStack } from './support/app-stack';

/**
 * The OpenAPI document as a client generator reads it: every type named, every answer an operation
 * can give documented in the one error shape, and every limit the server enforces written in the
 * schema. (That each answer the tests receive matches it is checked on every request; see
 * test/support/openapi-contract.ts.)
 */

interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
}

interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const SCALARS = ['string', 'number', 'integer', 'boolean'];

/** Every schema in the document with where it is, properties and items included. */
function* schemasIn(node: unknown, at: string): Generator<[string, Schema]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* schemasIn(child, `${at}[${i}]`);
    return;
  }
  const record = node as Record<string, unknown>;
  if ('nullable' in record || 'type' in record || '$ref' in record) yield [at, record as Schema];
  for (const [key, child] of Object.entries(record)) {
    // Examples are values, not schemas.
    if (key !== 'example' && key !== 'examples') yield* schemasIn(child, `${at}.${key}`);
  }
}

describe('OpenAPI document', () => {
  let stack: AppStack;
  let doc: Doc;
  const operations: [string, Operation][] = [];

  beforeAll(async () => {
    stack = await startAppStack();
    doc = (await stack.http.get('/api/docs-json').expect(200)).body as Doc;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) operations.push([`${method.toUpperCase()} ${path}`, op]);
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()!]) : schema);

  it('names the type of every nullable schema: a scalar, an array, an object with its properties, or a component', () => {
    const untyped: string[] = [];
    for (const [at, s] of schemasIn(doc, '')) {
      if (!s.nullable) continue;
      const refersToComponent = !!s.allOf?.some((part) => part.$ref);
      // Any JSON value (an import's value at fault): each alternative typed.
      const typedAlternatives = !!s.oneOf?.length && s.oneOf.every((alt) => alt.type);
      const typed =
        typedAlternatives ||
        SCALARS.includes(s.type ?? '') ||
        (s.type === 'array' && !!s.items) ||
        (s.type === 'object' && (refersToComponent || !!s.properties || s.additionalProperties !== undefined));
      if (!typed) untyped.push(`${at}: ${JSON.stringify({ type: s.type, format: s.format })}`);
      // OpenAPI 3.0: an enum restricts a nullable schema too, so null must be one of its values.
      if (s.enum && !s.enum.includes(null)) untyped.push(`${at}: a nullable enum without null`);
    }
    expect(untyped).toEqual([]);
  });

  it('gives every property a type or a component, and every array its items', () => {
    const vague: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [prop, s] of Object.entries(schema.properties ?? {})) {
        const composed = s.$ref || s.allOf || s.oneOf || s.anyOf;
        if (!composed && !s.type) vague.push(`${name}.${prop}: no type`);
        if (s.type === 'array' && !s.items) vague.push(`${name}.${prop}: an array without items`);
        if (s.type === 'object' && !composed && !s.properties && s.additionalProperties === undefined) vague.push(`${name}.${prop}: an object without properties`);
      }
    }
    expect(vague).toEqual([]);
  });

  it('documents 401 on every secured operation, 403 ROLE_REQUIRED wherever roles apply, and no bearer on public ones', () => {
    const rules = routeRules(stack.api);
    const wrong: string[] = [];
    for (const [id, op] of operations) {
      const rule = rules.get(op.operationId);
      if (!rule) {
        wrong.push(`${id}: no route handler`);
        continue;
      }
      const secured = !!op.security?.some((requirement) => 'bearer' in requirement);
      if (secured === rule.isPublic) wrong.push(`${id}: ${rule.isPublic ? 'public, but documented with a bearer token' : 'secured, but documented without a bearer token'}`);
      if (!rule.isPublic && !op.responses['401']) wrong.push(`${id}: no 401`);
      if (rule.isPublic && op.responses['401']) wrong.push(`${id}: public, but documents 401`);
      if (rule.roles.length > 0 && !op.responses['403']?.description.includes('ROLE_REQUIRED')) wrong.push(`${id}: roles ${rule.roles.join(', ')}, but no 403 ROLE_REQUIRED`);
    }
    expect(wrong).toEqual([]);
    // The public operations are the sign-in ones and the health check.
    expect(operations.filter(([, op]) => !op.security).map(([id]) => id)).toEqual(expect.arrayContaining(['POST /api/auth/dev-login', 'GET /health']));
  });

  it('documents 422 on every operation that takes a parameter or a body, and every error answer in the one error shape', () => {
    const wrong: string[] = [];
    for (const [id, op] of operations) {
      if (((op.parameters?.length ?? 0) > 0 || op.requestBody) && !op.responses['422']) wrong.push(`${id}: takes input but documents no 422`);
      if (op.responses['400']?.description.includes('UUID')) wrong.push(`${id}: a bad id is a 422, not a 400`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const schema = response.content?.['application/json']?.schema;
        if (schema?.$ref !== '#/components/schemas/ErrorBody') wrong.push(`${id} ${status}: not the ErrorBody schema`);
      }
    }
    expect(wrong).toEqual([]);
    const error = doc.components.schemas.ErrorBody;
    expect(Object.keys(error.properties ?? {}).sort()).toEqual(['code', 'correlationId', 'details', 'error', 'message', 'statusCode']);
  });

  it('documents each parameter once, typed; id path parameters as UUIDs', () => {
    const wrong: string[] = [];
    for (const [id, op] of operations) {
      const seen = new Set<string>();
      for (const p of op.parameters ?? []) {
        const key = `${p.in} ${p.name.toLowerCase()}`;
        if (seen.has(key)) wrong.push(`${id}: ${p.in} parameter ${p.name} twice`);
        seen.add(key);
        const schema = p.schema ? resolve(p.schema) : undefined;
        if (!schema?.type && !schema?.enum) wrong.push(`${id}: ${p.in} parameter ${p.name} without a type`);
        if (p.in === 'path' && /^(id|.*Id)$/.test(p.name) && (schema?.format !== 'uuid' || !schema.pattern)) {
          wrong.push(`${id}: path parameter ${p.name} is not documented as a UUID`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents the Idempotency-Key header, its format and its refusals on the four operations that take one', () => {
    const takingKey = operations.filter(([, op]) => op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')).map(([id]) => id);
    expect(takingKey.sort()).toEqual(
      ['POST /api/admin/proposals/{id}/cancel', 'POST /api/admin/tasks/reassign', 'POST /api/proposals/{id}/resubmit', 'POST /api/tasks/{id}/decision'].sort(),
    );
    for (const [, op] of operations.filter(([id]) => takingKey.includes(id))) {
      const header = op.parameters!.find((p) => p.name.toLowerCase() === 'idempotency-key')!;
      expect(header).toMatchObject({ name: 'Idempotency-Key', required: false, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source } });
      expect(op.responses['422'].description).toEqual(expect.stringContaining('INVALID_IDEMPOTENCY_KEY'));
      expect(op.responses['422'].description).toEqual(expect.stringContaining('IDEMPOTENCY_KEY_REUSED'));
    }
  });

  it('documents the page limits of every paginated list', () => {
    const pages = operations.flatMap(([id, op]) => (op.parameters ?? []).filter((p) => p.name === 'page' || p.name === 'pageSize').map((p) => [id, p] as const));
    expect(pages.length).toBeGreaterThan(10);
    for (const [id, p] of pages) {
      expect({ id, name: p.name, schema: p.schema }).toEqual({
        id,
        name: p.name,
        schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: p.name === 'page' ? 100000 : 100 }),
      });
    }
  });

  /**
   * What class-validator enforces on each field of a body or a query, and what the schema of that
   * field must then say. A limit added to a DTO without its documentation fails here.
   */
  it('writes every limit a body or query field is validated against in the schema', () => {
    const storage = getMetadataStorage();
    const queryClasses = new Map<Type<unknown>, Operation[]>();
    const byOperationId = new Map(operations.map(([, op]) => [op.operationId, op]));
    for (const module of stack.api.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as Type<unknown>;
        for (const method of Object.getOwnPropertyNames(controller.prototype)) {
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
          const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Type<unknown>[];
          for (const [key, arg] of Object.entries(args)) {
            const op = byOperationId.get(`${controller.name}_${method}`);
            if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || arg.data !== undefined || !op) continue;
            queryClasses.set(types[arg.index], [...(queryClasses.get(types[arg.index]) ?? []), op]);
          }
        }
      }
    }
    const fieldsOf = (cls: Type<unknown>): Record<string, Schema>[] => {
      const component = doc.components.schemas[cls.name];
      if (component) return [component.properties ?? {}];
      return (queryClasses.get(cls) ?? []).map((op) =>
        Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, resolve(p.schema ?? {})])),
      );
    };

    const classes = new Set<Type<unknown>>();
    for (const m of (storage as unknown as { validationMetadatas: Map<Type<unknown>, unknown[]> }).validationMetadatas.keys()) classes.add(m);

    const missing: string[] = [];
    for (const cls of classes) {
      const fieldSets = fieldsOf(cls);
      if (fieldSets.length === 0) continue;
      for (const m of storage.getTargetValidationMetadatas(cls, '', false, false)) {
        for (const fields of fieldSets) {
          const field = fields[m.propertyName];
          if (!field) continue;
          const s = m.each ? (resolve(field).items ?? {}) : resolve(field);
          const expectation = expected(m.name ?? m.type, m.constraints);
          if (!expectation) continue;
          const [keyword, value] = expectation;
          const actual = (s as Record<string, unknown>)[keyword];
          const ok =
            keyword === 'enum'
              ? Array.isArray(actual) && [...(value as unknown[])].every((v) => (actual as unknown[]).includes(v))
              : keyword === 'type'
                ? actual === value || (Array.isArray(s.oneOf) && s.oneOf.some((alt) => alt.type === value))
                : actual === value;
          if (!ok) missing.push(`${cls.name}.${m.propertyName}${m.each ? '[]' : ''}: ${keyword} ${JSON.stringify(value)} (documented: ${JSON.stringify(actual)})`);
        }
      }
    }
    expect([...new Set(missing)].sort()).toEqual([]);
  });
});

/** The schema keyword and value that document a class-validator constraint, for those JSON Schema can say. */
function expected(name: string, constraints: unknown[] = []): [keyword: string, value: unknown] | undefined {
  switch (name) {
    case 'matches':
      return ['pattern', constraints[0] instanceof RegExp ? constraints[0].source : String(constraints[0])];
    case 'maxLength':
      return ['maxLength', constraints[0]];
    case 'minLength':
      return ['minLength', constraints[0]];
    case 'max':
      return ['maximum', constraints[0]];
    case 'min':
      return ['minimum', constraints[0]];
    case 'arrayMaxSize':
      return ['maxItems', constraints[0]];
    case 'arrayMinSize':
      return ['minItems', constraints[0]];
    case 'isUuid':
      return ['format', 'uuid'];
    case 'isIn':
      return ['enum', constraints[0]];
    case 'isInt':
      return ['type', 'integer'];
    case 'isEmail':
      return ['format', 'email'];
    default:
      return undefined;
  }
}
