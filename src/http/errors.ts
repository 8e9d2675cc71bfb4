import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULT_LANG,
  MESSAGES as MESSAGES_INDEX,
  isMessage,
  msg,
  negotiate,
  problemText,
  render,
  translate,
  type Lang,
  type Message,
  type MessageKey,
  type Params,
} from '../i18n/index.js';
import { languageOf } from './language.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './unavailable.js';

/**
 * One field-level problem, e.g. `{ path: 'body.email', message: 'Invalid email' }`. A service may
 * give the message as a catalogue Message, rendered in the reader's language.
 */
export interface FieldError {
  path: string;
  message: string | Message;
}

/**
 * The one error taxonomy. Services throw these; the handler below turns them into RFC 9457
 * problem details. `code` is stable and documented: clients switch on it, never on `detail`.
 */
export class AppError extends Error {
  /** Facts the catalogue's detail names (`{phase}`, `{date}`); see src/i18n. */
  params?: Params;
  /** Another wording of the code's detail, for a code answered in more than one situation. */
  detailKey?: MessageKey;

  /**
   * `message` is for logs and for code that reads errors; what a person reads comes from the
   * catalogue, by `code`, in the request's language.
   */
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The facts for the catalogue's detail, and optionally which wording of it. */
  with(params: Params | undefined, detailKey?: MessageKey): this {
    this.params = params;
    this.detailKey = detailKey;
    return this;
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
/** What a NOT_FOUND can name: each has an `entity.*` text in the catalogue. */
export type Entity = MessageKey extends infer K ? (K extends `entity.${infer E}` ? E : never) : never;

export class NotFoundError extends AppError {
  constructor(what: Entity, code = 'NOT_FOUND') {
    super(404, code, `${what} not found`);
    this.params = { entity: msg(`entity.${what}` as MessageKey) };
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

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
}

/** What a problem says, before it is put in a language. */
interface ProblemSpec {
  status: number;
  code: string;
  params?: Params;
  detailKey?: MessageKey;
  errors?: FieldError[];
}

/** Field errors as a person reads them, in `lang`. */
export function fieldErrorsIn(lang: Lang, errors: FieldError[]): Array<{ path: string; message: string }> {
  return errors.map((e) => ({ path: e.path, message: isMessage(e.message) ? render(lang, e.message) : e.message }));
}

/** The problem details of `spec` in `lang`: title and detail from the catalogue, field messages rendered. */
export function problem(spec: ProblemSpec, lang: Lang = DEFAULT_LANG): Problem {
  const { status, code, params, detailKey, errors } = spec;
  const text = problemText(lang, code, params, detailKey);
  return {
    type: `urn:asn-learning:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: text.title,
    status,
    code,
    detail: text.detail,
    ...(errors && errors.length > 0 ? { errors: fieldErrorsIn(lang, errors) } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json').send(p);
}

// Fastify's own client errors, with the codes this API promises instead of Fastify's internal ones.
const FASTIFY_CODES: Record<string, { status: number; code: string; detailKey?: MessageKey }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', detailKey: 'PAYLOAD_TOO_LARGE.body' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', detailKey: 'PAYLOAD_TOO_LARGE.file' },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_MANY_FILES' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detailKey: 'UNSUPPORTED_MEDIA_TYPE.multipart',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_CONTENT_LENGTH' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', detailKey: 'MALFORMED_JSON.empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'BAD_REQUEST', detailKey: 'BAD_REQUEST.noRoute' },
  FST_FIELDS_LIMIT: { status: 413, code: 'TOO_MANY_FIELDS' },
  FST_PARTS_LIMIT: { status: 413, code: 'TOO_MANY_PARTS' },
  FST_PROTO_VIOLATION: { status: 400, code: 'MALFORMED_MULTIPART', detailKey: 'MALFORMED_MULTIPART.fieldName' },
  FST_INVALID_JSON_FIELD_ERROR: {
    status: 400,
    code: 'MALFORMED_MULTIPART',
    detailKey: 'MALFORMED_MULTIPART.jsonField',
  },
  FST_NO_FORM_DATA: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detailKey: 'UNSUPPORTED_MEDIA_TYPE.multipart' },
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: { status: 401, code: 'UNAUTHENTICATED' },
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: { status: 401, code: 'TOKEN_EXPIRED' },
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: { status: 401, code: 'TOKEN_INVALID' },
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: { status: 401, code: 'TOKEN_INVALID' },
  FST_JWT_BAD_REQUEST: { status: 401, code: 'TOKEN_INVALID', detailKey: 'TOKEN_INVALID.header' },
  FST_JWT_NO_AUTHORIZATION_IN_COOKIE: { status: 401, code: 'UNAUTHENTICATED' },
};

const GENERIC_CODES: Record<number, { code: string }> = {
  400: { code: 'BAD_REQUEST' },
  401: { code: 'UNAUTHENTICATED' },
  403: { code: 'FORBIDDEN' },
  404: { code: 'NOT_FOUND' },
  405: { code: 'METHOD_NOT_ALLOWED' },
  406: { code: 'NOT_ACCEPTABLE' },
  408: { code: 'REQUEST_TIMEOUT' },
  413: { code: 'PAYLOAD_TOO_LARGE' },
  414: { code: 'URI_TOO_LONG' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  429: { code: 'RATE_LIMITED' },
  431: { code: 'HEADERS_TOO_LARGE' },
};

/** `body`, `['modules', '3', 'title']` → `body.modules[3].title` */
export function jsonPath(root: string, segments: Array<string | number | symbol>): string {
  return segments.reduce<string>(
    (path, s) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `${path}[${String(s)}]` : `${path}.${String(s)}`),
    root,
  );
}

const ZOD_LOCALES: Record<Lang, (issue: never) => string | undefined> = {
  id: z.locales.id().localeError as never,
  en: z.locales.en().localeError as never,
};

/**
 * A schema's field error in `lang`: a message the schema gives as a catalogue key (a refinement's,
 * a pattern's) is that text; Zod's own locale renders its standard issues; any other refinement
 * message is kept as written.
 */
function zodFieldMessage(lang: Lang, v: { keyword: string; message?: string; params?: unknown }): string {
  const key = v.message as MessageKey | undefined;
  if (key && Object.hasOwn(MESSAGES_INDEX, key)) return translate(lang, key);
  if (v.keyword === 'custom') return v.message ?? translate(lang, 'field.invalid');
  const issue = { ...(v.params as object), code: v.keyword, message: v.message };
  try {
    return ZOD_LOCALES[lang](issue as never) ?? v.message ?? translate(lang, 'field.invalid');
  } catch {
    return v.message ?? translate(lang, 'field.invalid');
  }
}

function toSpec(error: FastifyError, lang: Lang): ProblemSpec {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      params: error.params,
      detailKey: error.detailKey,
      errors: error.errors,
    };
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter(Boolean);
      // Unknown keys are reported on the parent object; name each one so the client sees which.
      const unknown = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
      const base = jsonPath(part, segments);
      return unknown.length > 0
        ? unknown.map((k) => ({ path: `${base}.${k}`, message: msg('field.unknown') }))
        : [{ path: base, message: zodFieldMessage(lang, v) }];
    });
    return { status: 400, code: 'VALIDATION_FAILED', params: { part }, errors: errors.flat() };
  }

  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return { status: known.status, code: known.code, detailKey: known.detailKey };

  if (error.statusCode === 429) return { status: 429, code: 'RATE_LIMITED' };
  if (error.validation)
    return { status: 400, code: 'VALIDATION_FAILED', params: { part: error.validationContext ?? 'request' } };
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: 'DATABASE_UNAVAILABLE' };
  }
  // Any other 4xx from Fastify or a plugin: keep the status, but with this API's code for it,
  // never the library's internal one.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: GENERIC_CODES[error.statusCode]?.code ?? 'BAD_REQUEST' };
  }
  return { status: 500, code: 'INTERNAL' };
}

function toProblem(error: FastifyError, lang: Lang): Problem {
  return problem(toSpec(error, lang), lang);
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
  const p = toProblem(error, negotiate(request.headers['accept-language']));
  p.instance = request.url;
  void sendProblem(reply, p);
}

/**
 * Requests Node's HTTP parser rejects (headers or URL too large, malformed request line) never
 * become Fastify requests: the answer is written on the socket, still as problem details.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // Nothing of the request is known here, its language neither: the default one.
  const spec =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? { status: 408, code: 'REQUEST_TIMEOUT' }
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? { status: 431, code: 'HEADERS_TOO_LARGE' }
        : { status: 400, code: 'MALFORMED_REQUEST' };
  const { status } = spec;
  const body = JSON.stringify(problem(spec));
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
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const lang = await languageOf(request, { stored: !isDatabaseUnavailable(error) });
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, problem({ status: 500, code: 'INTERNAL' }, lang));
    }
    const p = toProblem(error, lang);
    p.instance = request.url;
    if (p.status >= 500) request.log.error({ err: withoutQueryParameters(error) }, 'request failed');
    if (error instanceof TooManyRequestsError && error.retryAfterSeconds) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (p.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendProblem(reply, p);
  });

  app.decorate('notFoundPage', null);
  app.setNotFoundHandler(async (request, reply) => {
    // A path no route has may be one of the participant app's own pages (src/http/web-app.ts).
    const page = app.notFoundPage?.(request, reply);
    if (page) return page;
    const params = { method: request.method, path: request.url.split('?')[0] ?? '' };
    const p = problem({ status: 404, code: 'ROUTE_NOT_FOUND', params }, await languageOf(request));
    return sendProblem(reply, p);
  });
}

export default fp(errorsPlugin, { name: 'errors' });
