import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonPath, ValidationError, type FieldError } from './errors.js';
import { msg } from '../i18n/index.js';

// Deep enough for every body this API accepts; deeper input is walked no further (and fails its schema).
const MAX_DEPTH = 32;

function findUnstorableText(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (found.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, message: msg('field.nul') });
    else if (!value.isWellFormed()) found.push({ path, message: msg('field.unpairedSurrogate') });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorableText(v, jsonPath(path, [i]), found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000') || !k.isWellFormed()) found.push({ path, message: msg('field.nulInName') });
      findUnstorableText(v, jsonPath(path, [k]), found, depth + 1);
    }
  }
}

/**
 * PostgreSQL cannot store U+0000 in text or JSON, nor half of a UTF-16 surrogate pair (`"\ud800"`
 * in a JSON body): a value carrying one would fail deep inside a query (and with it every request
 * sharing that statement), or be stored as something else than was sent. Both are refused here,
 * once, for the body, query and path parameters of every route, before any validation or handler runs.
 */
async function textInputPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    const found: FieldError[] = [];
    findUnstorableText(request.params, 'params', found);
    findUnstorableText(request.query, 'querystring', found);
    findUnstorableText(request.body, 'body', found);
    if (found.length > 0)
      throw new ValidationError('The request contains the NUL character', found).with(
        undefined,
        'VALIDATION_FAILED.nul',
      );
  });
}

export default fp(textInputPlugin, { name: 'text-input', dependencies: ['errors'] });
