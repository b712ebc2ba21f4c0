import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { IS_PUBLIC, ROLES } from '@libs/auth/auth.decorators';
import type { Role } from '@libs/domain/proposal';
import { IDEMPOTENCY_KEY_HEADER } from '@libs/http/idempotency-key';

// The parts of the document this file edits (the package does not export their types by name).
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string], { $ref: string }>;

/** What the guard applies to a route: a bearer token (unless public), then its roles; and the class its query is validated as. */
export interface RouteRules {
  isPublic: boolean;
  roles: Role[];
  query?: Type<unknown>;
}

const ERROR_BODY = 'ErrorBody';
const FIELD_ERROR = 'FieldError';
const errorRef = { $ref: `#/components/schemas/${ERROR_BODY}` };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The one error shape (libs/http/all-exceptions.filter.ts), as every error answer of the document
 * refers to it. `details` is a list of field errors for invalid input, and an object of facts for
 * some other refusals (the status of an ended approval, an import's report, a rate limit).
 */
const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  [FIELD_ERROR]: {
    type: 'object',
    description: 'One invalid field (a body or query field path such as pilotPlan.durationMonths, a path parameter, or a header)',
    required: ['field', 'messages'],
    properties: {
      field: { type: 'string', example: 'pilotPlan.durationMonths' },
      messages: { type: 'array', items: { type: 'string' }, minItems: 1, example: ['durationMonths must not be greater than 36'] },
    },
  },
  [ERROR_BODY]: {
    type: 'object',
    required: ['statusCode', 'error', 'code', 'message', 'correlationId'],
    additionalProperties: false,
    properties: {
      statusCode: { type: 'integer', description: 'The HTTP status, repeated', example: 422 },
      error: { type: 'string', description: 'The reason phrase of the status', example: 'Unprocessable Entity' },
      code: { type: 'string', description: 'Stable code naming the rule, e.g. VALIDATION_FAILED, NOT_FOUND, ROLE_REQUIRED', example: 'VALIDATION_FAILED' },
      message: { type: 'string', example: 'The request has invalid fields.' },
      details: {
        description: 'Invalid input: one entry per field. Other refusals may carry an object of facts instead.',
        oneOf: [{ type: 'array', items: { $ref: `#/components/schemas/${FIELD_ERROR}` } }, { type: 'object', additionalProperties: true }],
      },
      correlationId: { type: 'string', description: 'Also in the X-Correlation-Id header; quote it when reporting a problem', example: '9f3b2c1a-7d6e-4f5a-8b9c-0d1e2f3a4b5c' },
    },
  },
};

/** The document main.ts serves and the tests read: Swagger's, completed by `completeDocument`. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Estafet API')
      .setDescription('Multi-level approvals of public-sector innovation proposals (usulan inovasi).')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    // Swagger's own default, spelled out: routeRules finds each operation's handler by this id.
    { operationIdFactory: (controller, method) => `${controller}_${method}` },
  );
  return completeDocument(document, routeRules(app));
}

/** The guard's rules of every route handler, by operation id (`Controller_method`). */
export function routeRules(app: INestApplication): Map<string, RouteRules> {
  const reflector = new Reflector();
  const rules = new Map<string, RouteRules>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, controller];
        rules.set(`${controller.name}_${method}`, {
          isPublic: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ?? false,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets) ?? [],
          query: queryClassOf(controller, method),
        });
      }
    }
  }
  return rules;
}

/** The class a handler's whole query (`@Query() query: SomeQuery`) is validated as. */
function queryClassOf(controller: Type<unknown>, method: string): Type<unknown> | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Type<unknown>[];
  const query = Object.entries(args).find(([key, arg]) => Number(key.split(':')[0]) === RouteParamtypes.QUERY && arg.data === undefined);
  return query ? types[query[1].index] : undefined;
}

const mentions = (response: ResponseObject | undefined, code: string) => !!response?.description?.includes(code);

/** Adds `text` to the description of an answer already documented, or documents it. */
function describe(operation: OperationObject, status: number, text: string): void {
  const existing = operation.responses[status] as ResponseObject | undefined;
  operation.responses[status] = existing?.description ? { ...existing, description: `${existing.description}. ${text}` } : { ...existing, description: text };
}

/**
 * Completes what Swagger reads from the decorators with what holds for every operation, from the
 * same facts the server acts on, so that no operation can leave it out:
 * - the bearer requirement and its 401 unless the route is @Public(); the 403 of its @Roles();
 * - 422 wherever the operation takes a parameter or a body (every invalid input is a 422 naming the field);
 * - 400 for a body that is not JSON or a path whose percent-encoding is broken, 413 for a body over the
 *   limit, 415 for a body in a charset or an encoding the body parser does not read;
 * - 503 when Postgres or Temporal is unavailable, with Retry-After;
 * - on an operation taking an Idempotency-Key, its two refusals (malformed, reused for another request);
 * - every error answer in the one error shape, keeping the documented example;
 * - the limits each body and query field is validated against (see documentLimits).
 */
export function completeDocument(document: OpenAPIObject, rules: Map<string, RouteRules>): OpenAPIObject {
  const schemas = { ...document.components?.schemas };
  for (const [name, schema] of Object.entries(schemas)) {
    const cls = validatedClasses().get(name);
    if (cls && !('$ref' in schema)) documentLimits(cls, schema.properties ?? {});
  }
  document.components = { ...document.components, schemas: { ...schemas, ...ERROR_SCHEMAS } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const rule = operation.operationId ? rules.get(operation.operationId) : undefined;
      if (!rule) throw new Error(`OpenAPI: no route handler for ${method.toUpperCase()} ${path} (${operation.operationId})`);
      if (rule.query) {
        const query = ((operation.parameters ?? []) as ParameterObject[]).filter((p) => p.in === 'query' && p.schema && !('$ref' in p.schema));
        documentLimits(rule.query, Object.fromEntries(query.map((p) => [p.name, p.schema!])));
      }
      completeOperation(operation, rule);
    }
  }
  return document;
}

/** Every class class-validator has rules for, by name (the name Swagger gives its schema). */
function validatedClasses(): Map<string, Type<unknown>> {
  // The storage keeps its targets in a private map; there is no public way to list them.
  const targets = (getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.keys();
  return new Map([...targets].filter((t): t is Type<unknown> => typeof t === 'function').map((t) => [t.name, t]));
}

/**
 * The limits class-validator enforces on each field, written into its schema where the decorators
 * left them out, so that the document and the validation cannot disagree: lengths, bounds, sizes,
 * patterns (without flags, which JSON Schema cannot carry), UUIDs, emails, integers, allowed values.
 */
function documentLimits(cls: Type<unknown>, properties: Record<string, unknown>): void {
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false)) {
    const property = properties[rule.propertyName] as SchemaObject | { $ref: string } | undefined;
    if (!property || '$ref' in property || property.allOf) continue;
    const target = rule.each ? (property.items as SchemaObject | undefined) : property;
    if (!target || '$ref' in target) continue;
    const [keyword, value] = limitOf(rule) ?? [];
    if (!keyword) continue;
    if (keyword === 'type') {
      if (target.type === 'number') target.type = 'integer';
    } else if ((target as Record<string, unknown>)[keyword] === undefined) {
      (target as Record<string, unknown>)[keyword] = value;
    }
  }
}

function limitOf(rule: ValidationMetadata): [keyword: string, value: unknown] | undefined {
  const [first] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'matches':
      if (first instanceof RegExp) return first.flags === '' ? ['pattern', first.source] : undefined;
      return typeof first === 'string' && !rule.constraints[1] ? ['pattern', first] : undefined;
    case 'maxLength':
      return ['maxLength', first];
    case 'minLength':
      return ['minLength', first];
    case 'max':
      return ['maximum', first];
    case 'min':
      return ['minimum', first];
    case 'arrayMaxSize':
      return ['maxItems', first];
    case 'arrayMinSize':
      return ['minItems', first];
    case 'isUuid':
      return ['format', 'uuid'];
    case 'isEmail':
      return ['format', 'email'];
    case 'isIn':
      return Array.isArray(first) ? ['enum', first] : undefined;
    case 'isInt':
      return ['type', 'integer'];
    default:
      return undefined;
  }
}

function completeOperation(operation: OperationObject, rule: RouteRules): void {
  const responses = operation.responses;
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const jsonBody = !!operation.requestBody && 'content' in operation.requestBody && !!operation.requestBody.content['application/json'];

  if (rule.isPublic) {
    delete operation.security;
  } else {
    operation.security = [{ bearer: [] }];
    if (!responses[401]) {
      responses[401] = { description: 'No valid bearer token: missing, malformed, expired, forged, or its person no longer exists (UNAUTHORIZED)' };
    }
  }
  if (rule.roles.length > 0 && !mentions(responses[403] as ResponseObject, 'ROLE_REQUIRED')) {
    describe(operation, 403, `Without the role ${rule.roles.join(' or ')} (ROLE_REQUIRED)`);
  }

  if (parameters.length > 0 || operation.requestBody) {
    if (!responses[422]) responses[422] = { description: 'Invalid input (VALIDATION_FAILED): details name each field, parameter or header' };
  }
  if (parameters.some((p) => p.in === 'header' && p.name === IDEMPOTENCY_KEY_HEADER)) {
    for (const code of ['INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_REUSED']) {
      if (mentions(responses[422] as ResponseObject, code)) continue;
      describe(
        operation,
        422,
        code === 'INVALID_IDEMPOTENCY_KEY'
          ? 'A malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY)'
          : 'The Idempotency-Key was used before for another request (IDEMPOTENCY_KEY_REUSED): use a new key for a new request',
      );
    }
  }

  const unreadable = [
    ...(jsonBody ? ['a body that is not JSON (MALFORMED_JSON)'] : []),
    ...(parameters.some((p) => p.in === 'path') ? ['a path whose percent-encoding is broken (BAD_REQUEST)'] : []),
  ];
  if (unreadable.length > 0 && !responses[400]) responses[400] = { description: `The request cannot be read: ${unreadable.join(', or ')}` };
  if (operation.requestBody && !responses[413]) responses[413] = { description: "The body is larger than the server's BODY_LIMIT (PAYLOAD_TOO_LARGE)" };
  if (operation.requestBody && !responses[415]) {
    responses[415] = { description: 'The body is in a charset or a content encoding the server does not read (BAD_REQUEST_BODY)' };
  }
  if (!responses[503]) {
    responses[503] = {
      description: 'Postgres or Temporal is unavailable or did not answer in time (SERVICE_UNAVAILABLE); retry after Retry-After seconds',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
    };
  }

  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400) responses[status] = asErrorAnswer(response as ResponseObject);
  }
}

/**
 * An error answer in the one error shape: every error passes through the exception filter, even one
 * that a library documents with a shape of its own (the health check's 503). An example written as
 * `schema: { example }` is kept as the media type's example.
 */
function asErrorAnswer(response: ResponseObject): ResponseObject {
  const media = response.content?.['application/json'];
  const schema = media?.schema as SchemaObject | undefined;
  const example = media?.example ?? (schema && !schema.type && !schema.properties ? schema.example : undefined);
  return { ...response, content: { 'application/json': { schema: errorRef, ...(example !== undefined ? { example } : {}) } } };
}
