import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

/**
 * A typed client of the API, from the committed OpenAPI document (docs/openapi.json) by
 * openapi-typescript; openapi-fetch does the requests. `npm run openapi:write` regenerates both.
 */
export type Problem = components['schemas']['Problem'];
export type { components, paths };

export function createApiClient(
  baseUrl: string,
  options: { accessToken?: () => string | undefined; fetch?: (request: Request) => Promise<Response> } = {},
) {
  const client = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.accessToken?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}
