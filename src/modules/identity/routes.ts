import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthService } from './auth-service.js';
import type { DirectoryService } from './directory-service.js';
import { actorOf } from '../../http/actor.js';
import * as s from './schemas.js';

export interface IdentityRoutesOptions {
  auth: AuthService;
  directory: DirectoryService;
  loginRateLimitPerMinute: number;
}

const bearer = [{ bearer: [] }];

export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (
  app,
  { auth, directory, loginRateLimitPerMinute },
) => {
  const ctx = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip });

  // ---- auth ----

  app.post(
    '/auth/login',
    {
      config: { throttled: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with NIP or email and password',
        description:
          'Returns a short-lived access token and a refresh token. Failed attempts (not successes) are limited per address (`RATE_LIMITED`), and repeated failures of one login from one address delay its next attempts there, growing (`LOGIN_THROTTLED`, with Retry-After); unknown logins are treated alike.',
        body: s.loginBody,
        response: { 200: s.tokenPair },
      },
    },
    async (request) => auth.login(request.body.login, request.body.password, ctx(request), request.body.organizationId),
  );

  app.post(
    '/auth/switch-organization',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['auth'],
        summary: 'Act in another organization you belong to',
        description:
          'A person can have roles in several organizations (a widyaiswara teaching for two agencies, an admin who is also a participant elsewhere). A token acts in one of them; this returns a new pair for another. `NOT_A_MEMBER` when the person has no role there.',
        security: bearer,
        body: s.switchOrganizationBody,
        response: { 200: s.tokenPair },
      },
    },
    async (request) => auth.switchOrganization(request.user, request.body.organizationId, ctx(request)),
  );

  app.post(
    '/auth/activate',
    {
      config: { throttled: true },
      schema: {
        tags: ['auth'],
        summary: 'Set the first password with a one-time activation code',
        description:
          'For accounts created by an import or without a password (`pending`). Logs the participant in. Every failure answers `ACTIVATION_INVALID`.',
        body: s.activateBody,
        response: { 200: s.tokenPair },
      },
    },
    async (request) => auth.activate(request.body.login, request.body.code, request.body.password, ctx(request)),
  );

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit: { max: loginRateLimitPerMinute * 3, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair',
        description:
          'Each refresh token works once. Presenting a used one again revokes every token of that login (`REFRESH_TOKEN_REUSED`), except within a few seconds of its use (two tabs refreshing at once), which gets a pair of its own.',
        body: s.refreshBody,
        response: { 200: s.tokenPair },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken, ctx(request)),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session of a refresh token',
        body: s.refreshBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.auth(),
      schema: { tags: ['auth'], summary: 'The calling user', security: bearer, response: { 200: s.me } },
    },
    async (request) => auth.me(request.user),
  );

  app.patch(
    '/me',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['auth'],
        summary: 'Change the calling user’s own settings',
        description:
          'locale: the language of problem titles and details, field messages, import reasons and report labels for this person (id or en); it wins over Accept-Language. null follows Accept-Language again (Indonesian when it names neither).',
        security: bearer,
        body: s.meUpdate,
        response: { 200: s.me },
      },
    },
    async (request) => auth.updateMe(request.user, request.body),
  );

  // ---- organizations ----

  app.post(
    '/organizations',
    {
      onRequest: app.auth('platform_admin'),
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization (instansi)',
        security: bearer,
        body: s.organizationCreate,
        response: { 201: s.organization },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await directory.createOrganization(actorOf(request), request.body)),
  );

  app.get(
    '/organizations',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['organizations'],
        summary: 'List organizations',
        security: bearer,
        querystring: s.organizationListQuery,
        response: { 200: s.organizationList },
      },
    },
    async (request) => directory.listOrganizations(actorOf(request), request.query.limit, request.query.cursor),
  );

  app.get(
    '/organizations/:id',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['organizations'],
        summary: 'One organization (members see their own)',
        security: bearer,
        params: s.idParams,
        response: { 200: s.organization },
      },
    },
    async (request) => directory.getOrganization(actorOf(request), request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['organizations'],
        summary: 'Change name, time zone or settings',
        security: bearer,
        params: s.idParams,
        body: s.organizationUpdate,
        response: { 200: s.organization },
      },
    },
    async (request) => directory.updateOrganization(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/organizations/:id',
    {
      onRequest: app.auth('platform_admin'),
      schema: {
        tags: ['organizations'],
        summary: 'Delete an organization that has no users',
        security: bearer,
        params: s.idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await directory.deleteOrganization(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- users ----

  app.post(
    '/users',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['users'],
        summary: 'Add a person to your organization with a role',
        description:
          'A person already known by the NIP or email (from any organization) is linked with the role (`linked: true`), never duplicated; their profile stays as their home organization keeps it. A new person gets your organization as home. Without a password a new account is `pending` until activated.',
        security: bearer,
        body: s.userCreate,
        response: { 201: s.user.extend({ linked: z.boolean() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await directory.createUser(actorOf(request), request.body)),
  );

  app.get(
    '/users',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor'),
      schema: {
        tags: ['users'],
        summary: 'List users of your organization',
        security: bearer,
        querystring: s.userListQuery,
        response: { 200: s.userList },
      },
    },
    async (request) => directory.listUsers(actorOf(request), request.query),
  );

  app.get(
    '/users/:id',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['users'],
        summary: 'One user (participants see only themselves)',
        security: bearer,
        params: s.idParams,
        response: { 200: s.user },
      },
    },
    async (request) => directory.getUser(actorOf(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['users'],
        summary: 'Change a user',
        security: bearer,
        params: s.idParams,
        body: s.userUpdate,
        response: { 200: s.user },
      },
    },
    async (request) => directory.updateUser(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/users/:id',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['users'],
        summary: 'Disable a person (home organization) or end their membership (any other)',
        description:
          'The home organization and platform admins disable the account and end its sessions. Any other organization removes the person\u2019s roles there; the account and its history stay.',
        security: bearer,
        params: s.idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await directory.disableUser(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
