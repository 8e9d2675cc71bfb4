import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './unavailable.js';

/** One field-level problem, e.g. `{ path: 'body.email', message: 'Invalid email' }`. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error taxonomy. Services throw these; the handler below turns them into RFC 9457
 * problem details. `code` is stable and documented: clients switch on it, never on `detail`.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, errors?: FieldError[], code = 'VALIDATION_FAILED') {
    super(400, code, message, errors);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required', code = 'UNAUTHENTICATED') {
    super(401, code, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this', code = 'FORBIDDEN') {
    super(403, code, message);
  }
}
export class NotFoundError extends AppError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(404, code, `${what} not found`);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT') {
    super(409, code, message);
  }
}
/** A service the request needs (the database, the job queue) does not answer now; retry later. */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, code: string) {
    super(503, code, message);
  }
}
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    code = 'RATE_LIMITED',
    public readonly retryAfterSeconds?: number,
  ) {
    super(429, code, message);
  }
}

/**
 * For `.catch(...)` around reading a multipart body: the form parser's own errors (no boundary, a
 * broken part header, a form cut short) are the client's, and a 400; size limits keep their 413.
 */
export function malformedMultipart(error: unknown): never {
  if (error instanceof AppError || (error as FastifyError).statusCode) throw error;
  throw new AppError(400, 'MALFORMED_MULTIPART', 'The multipart/form-data body is malformed');
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
}

export function problem(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `urn:asn-learning:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json').send(p);
}

// Fastify's own client errors, with the codes this API promises instead of Fastify's internal ones.
const FASTIFY_CODES: Record<string, { status: number; code: string; detail?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'The request body is larger than allowed',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The file is larger than allowed' },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_MANY_FILES', detail: 'Send one file per request' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send the file as multipart/form-data',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_CONTENT_LENGTH' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detail: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detail: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', detail: 'The URL is not validly encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', detail: 'A path parameter is too long' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'BAD_REQUEST', detail: 'The request matches no route' },
  FST_FIELDS_LIMIT: { status: 413, code: 'TOO_MANY_FIELDS', detail: 'The form has too many fields' },
  FST_PARTS_LIMIT: { status: 413, code: 'TOO_MANY_PARTS', detail: 'The form has too many parts' },
  FST_PROTO_VIOLATION: { status: 400, code: 'MALFORMED_MULTIPART', detail: 'A form field name is not allowed' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: 'MALFORMED_MULTIPART', detail: 'A JSON form field is not valid' },
  FST_NO_FORM_DATA: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the file as multipart/form-data' },
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: { status: 401, code: 'UNAUTHENTICATED', detail: 'Authentication required' },
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: { status: 401, code: 'TOKEN_EXPIRED', detail: 'The access token has expired' },
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: { status: 401, code: 'TOKEN_INVALID', detail: 'The access token is not valid' },
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: {
    status: 401,
    code: 'TOKEN_INVALID',
    detail: 'The access token is not valid',
  },
  FST_JWT_BAD_REQUEST: { status: 401, code: 'TOKEN_INVALID', detail: 'The authorization header is malformed' },
  FST_JWT_NO_AUTHORIZATION_IN_COOKIE: { status: 401, code: 'UNAUTHENTICATED', detail: 'Authentication required' },
};

const GENERIC_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/** `body`, `['modules', '3', 'title']` → `body.modules[3].title` */
export function jsonPath(root: string, segments: Array<string | number | symbol>): string {
  return segments.reduce<string>(
    (path, s) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `${path}[${String(s)}]` : `${path}.${String(s)}`),
    root,
  );
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof AppError) return problem(error.status, error.code, error.message, error.errors);

  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter(Boolean);
      // Unknown keys are reported on the parent object; name each one so the client sees which.
      const unknown = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
      const base = jsonPath(part, segments);
      return unknown.length > 0
        ? unknown.map((k) => ({ path: `${base}.${k}`, message: 'Unknown field' }))
        : [{ path: base, message: v.message ?? 'Invalid value' }];
    });
    return problem(400, 'VALIDATION_FAILED', `The ${part} is not valid`, errors.flat());
  }

  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return problem(known.status, known.code, known.detail ?? error.message);

  if (error.statusCode === 429) {
    return problem(429, 'RATE_LIMITED', 'Too many requests; retry later');
  }
  if (error.validation) {
    return problem(400, 'VALIDATION_FAILED', error.message);
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'DATABASE_UNAVAILABLE', 'The database is not reachable right now; retry shortly');
  }
  // Any other 4xx from Fastify or a plugin: keep the status, but with this API's code for it,
  // never the library's internal one.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(
      error.statusCode,
      GENERIC_CODES[error.statusCode] ?? 'BAD_REQUEST',
      STATUS_CODES[error.statusCode] ?? 'Bad request',
    );
  }
  return problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged');
}

/**
 * A failed query's error carries its parameters (passwords, personal data) in its message; the
 * log gets the statement and the database's own error instead.
 */
function withoutQueryParameters(error: Error): Error {
  const failed = error as Error & { query?: unknown; params?: unknown; cause?: unknown };
  if (typeof failed.query !== 'string' || !('params' in failed)) return error;
  const safe = new Error(`Failed query: ${failed.query}`, { cause: failed.cause });
  safe.name = error.name;
  safe.stack = `${safe.name}: ${safe.message}\n${(error.stack ?? '').split('\n').slice(1).join('\n')}`;
  return safe;
}

/**
 * Fastify's router errors (a malformed URL encoding, an over-long path parameter) are answered
 * before any route or error handler runs; this gives them the same problem details.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const p = toProblem(error);
  p.instance = request.url;
  void sendProblem(reply, p);
}

/**
 * Requests Node's HTTP parser rejects (headers or URL too large, malformed request line) never
 * become Fastify requests: the answer is written on the socket, still as problem details.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'The request line or headers are larger than allowed']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP'];
  const body = JSON.stringify(problem(status, code, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a request no route matched with a page instead of a 404 problem, or returns undefined. */
    notFoundPage: ((request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined) | null;
  }
}

async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged'));
    }
    const p = toProblem(error);
    p.instance = request.url;
    if (p.status >= 500) request.log.error({ err: withoutQueryParameters(error) }, 'request failed');
    if (error instanceof TooManyRequestsError && error.retryAfterSeconds) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (p.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendProblem(reply, p);
  });

  app.decorate('notFoundPage', null);
  app.setNotFoundHandler((request, reply) => {
    // A path no route has may be one of the participant app's own pages (src/http/web-app.ts).
    const page = app.notFoundPage?.(request, reply);
    if (page) return page;
    const p = problem(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    return sendProblem(reply, p);
  });
}

export default fp(errorsPlugin, { name: 'errors' });
