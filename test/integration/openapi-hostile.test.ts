import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blendedCohort } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';

/*
 * Every operation the API documents in /openapi.json, called with malformed path parameters,
 * bodies and queries, as nobody and as each role: nothing may answer 5xx, and every error is a
 * problem document with a stable code of this API (never a library's).
 */

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  maxLength?: number;
  maximum?: number;
  minimum?: number;
  maxItems?: number;
}
interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

let ctx: TestContext;
let org: SeededOrg;
let platform: string;
let doc: { paths: Record<string, Record<string, Operation>> };
// Real ids by the collection a path parameter follows, so a request can reach a real resource.
const realIds: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'KAB-FUZZ');
  const admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body
    .courseId as string;
  const course = (await ctx.http.get(`/v1/courses/${courseId}`).set(admin)).body;
  const cohort = await blendedCohort(ctx, admin, courseId, 'FUZZ-1', 2, 4242);
  Object.assign(realIds, {
    organizations: org.id,
    users: org.participant.id,
    courses: courseId,
    modules: course.version.modules[0].id,
    lessons: course.version.modules[0].lessons[0].id,
    cohorts: cohort.id,
    phases: cohort.online,
    enrollments: cohort.people[0]!.enrollmentId,
  });
  doc = (await ctx.http.get('/openapi.json').expect(200)).body;
}, 120_000);
afterAll(() => ctx.close());

const pick = <T>(schema: JsonSchema | undefined, f: (s: JsonSchema) => T): T | undefined => {
  if (!schema) return undefined;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return pick(options.find((o) => o.type !== 'null') ?? options[0], f);
  if (schema.allOf) return pick(schema.allOf[0], f);
  return f(schema);
};

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value of the right shape at the edges: longest strings, largest numbers, the last day of 9999. */
function extreme(schema: JsonSchema | undefined, depth = 0): unknown {
  return pick(schema, (s) => {
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[s.enum.length - 1];
    switch (typeOf(s)) {
      case 'string':
        if (s.format === 'date') return '9999-12-31';
        if (s.format === 'date-time') return '9999-12-31T23:59:59.999Z';
        if (s.format === 'uuid') return randomUUID();
        if (s.format === 'email') return `${'a'.repeat(60)}@example.org`;
        if (s.format === 'uri') return `https://example.org/${'x'.repeat(200)}`;
        return 'ꦲ'.repeat(Math.min(s.maxLength ?? 300, 3000));
      case 'integer':
        return s.maximum ?? 2 ** 31;
      case 'number':
        return s.maximum ?? 1e308;
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : Array.from({ length: Math.min(s.maxItems ?? 3, 3) }, () => extreme(s.items, depth + 1));
      case 'object':
        return depth > 4
          ? {}
          : Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, extreme(v, depth + 1)]));
      default:
        return null;
    }
  });
}

/** The same shape with every leaf of the wrong type. */
function confused(schema: JsonSchema | undefined, depth = 0): unknown {
  return pick(schema, (s) => {
    switch (typeOf(s)) {
      case 'string':
        return depth % 2 === 0 ? 12345 : { $gt: '' };
      case 'integer':
      case 'number':
        return depth % 2 === 0 ? '1e999' : -0.5;
      case 'boolean':
        return 'yes';
      case 'array':
        return { 0: 'x' };
      case 'object':
        return depth > 3
          ? 'x'
          : Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, confused(v, depth + 1)]));
      default:
        return ['\u0000'];
    }
  });
}

const BAD_PARAMS = ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', "1'%20or%20'1'='1", '-1', '9'.repeat(40), '%F0%9F%98'];
const BAD_QUERIES = ['zzz', '-1', '99999999999999999999999', '9999-12-31', '[]', '%E0%A4'];

type Variant = 'malformed' | 'confused' | 'extreme';

function requestFor(path: string, op: Operation, variant: Variant, n: number) {
  const params = op.parameters ?? [];
  let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (variant === 'malformed') return BAD_PARAMS[n % BAD_PARAMS.length]!;
    const before =
      path
        .slice(0, path.indexOf(`{${name}}`))
        .split('/')
        .filter(Boolean)
        .pop() ?? '';
    const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema;
    if (variant === 'extreme' && name === 'id' && realIds[before]) return realIds[before]!;
    if (name === 'phaseId' && realIds.phases) return realIds.phases;
    return String(extreme(schema) ?? 'x');
  });
  const query = params
    .filter((p) => p.in === 'query')
    .map((p) => {
      const value =
        variant === 'extreme' ? String(extreme(p.schema)) : BAD_QUERIES[(n + p.name.length) % BAD_QUERIES.length]!;
      return `${p.name}=${variant === 'extreme' ? encodeURIComponent(value) : value}`;
    });
  if (query.length > 0) url += `?${query.join('&')}`;
  const schema = op.requestBody?.content['application/json']?.schema;
  const body =
    variant === 'malformed'
      ? [null, [], 'text', 0, { '': { '': [] } }][n % 5]
      : variant === 'confused'
        ? confused(schema)
        : extreme(schema);
  return { url, body, hasBody: !!op.requestBody };
}

describe('hostile input across the documented API', () => {
  test('no operation answers 5xx, and every error is a problem with a stable code', async () => {
    const callers: Array<[string, Record<string, string>]> = [
      ['nobody', {}],
      ['participant', bearer(org.participant.token)],
      ['instructor', bearer(org.instructor.token)],
      ['org_admin', bearer(org.admin.token)],
      ['platform_admin', bearer(platform)],
    ];
    const failures: string[] = [];
    let requests = 0;
    let n = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const variant of ['malformed', 'confused', 'extreme'] as const) {
          // Removing the fixture's real resources would leave the rest of the walk nothing to reach.
          if (variant === 'extreme' && method === 'delete') continue;
          for (const [who, auth] of callers) {
            const { url, body, hasBody } = requestFor(path, op, variant, n++);
            let req = ctx.http[method as 'get'](url).set(auth);
            if (hasBody || variant === 'malformed')
              req = req.set('content-type', 'application/json').send(JSON.stringify(body));
            const res = await req;
            requests += 1;
            const where = `${who} ${method.toUpperCase()} ${url.slice(0, 120)} (${variant})`;
            // Readiness answers 503 by design here: no worker runs the phase clock in this test.
            const readiness = path === '/health/ready' && res.status === 503;
            if (res.status >= 500 && !readiness)
              failures.push(`${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            else if (readiness) continue;
            else if (res.status >= 400) {
              const code = (res.body as { code?: unknown }).code;
              if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) {
                failures.push(`${where}: ${res.status} as ${res.headers['content-type']}`);
              } else if (typeof code !== 'string' || !/^(?!FST_|FAST_|ERR_)[A-Z][A-Z0-9_]*$/.test(code)) {
                failures.push(`${where}: ${res.status} with code ${String(code)}`);
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The walk really covered the document: about 90 operations, three variants, five callers.
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect(requests).toBeGreaterThan(1000);
  }, 600_000);
});
