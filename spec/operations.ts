import type {
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from './load-spec.ts';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Which kind of bearer an operation needs, read from its security requirement. */
export type TokenKind = 'user' | 'client';

/** One operation of the spec, flattened and with its response `$ref`s resolved. */
export interface Operation {
  operationId: string;
  method: string;
  /** The OpenAPI path template, e.g. `/v1/client/customer/info/{customerNumber}`. */
  path: string;
  /** The same path in Express 5 syntax, e.g. `/v1/client/customer/info/:customerNumber`. */
  expressPath: string;
  tokenKind: TokenKind;
  /** `x-not-in-reference`: an addition of this spec to the API reference, served by the mock only. */
  notInReference: boolean;
  parameters: ParameterObject[];
  requestBody?: { required: boolean; schema: SchemaObject; example?: unknown };
  /** Status code (as written in the spec) to the resolved response. */
  responses: Record<string, ResponseObject>;
}

const SCHEME_TO_KIND: Record<string, TokenKind> = {
  authorizationCode: 'user',
  clientCredentials: 'client',
};

/** Lists the operations of the document in the order the spec writes them. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (op) operations.push(toOperation(doc, path, method, op));
    }
  }
  return operations;
}

function toOperation(
  doc: OpenApiDocument,
  path: string,
  method: string,
  op: OperationObject,
): Operation {
  const scheme = Object.keys(op.security?.[0] ?? {})[0];
  const tokenKind = scheme ? SCHEME_TO_KIND[scheme] : undefined;
  if (!tokenKind) {
    throw new Error(`${op.operationId}: security scheme "${scheme}" is neither user nor client mode`);
  }
  const json = op.requestBody?.content['application/json'];
  const responses: Record<string, ResponseObject> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = resolveResponse(doc, response);
  }
  return {
    operationId: op.operationId,
    method,
    path,
    expressPath: path.replace(/\{([^}]+)\}/g, ':$1'),
    tokenKind,
    notInReference: op['x-not-in-reference'] === true,
    parameters: op.parameters ?? [],
    ...(json?.schema
      ? { requestBody: { required: op.requestBody?.required ?? false, schema: json.schema, example: json.example } }
      : {}),
    responses,
  };
}

function resolveResponse(doc: OpenApiDocument, response: ResponseObject): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const resolved = doc.components.responses[name];
  if (!resolved) throw new Error(`unresolved response ${response.$ref}`);
  return resolved;
}
