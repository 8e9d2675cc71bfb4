# ASN learning backend.
#
#   docker build -t asn-learning .                 # the application image (last stage, "runtime")
#   docker build --target test -t asn-learning-test .
#
# The same image runs the API, the worker or both (ROLE=api | worker | all) and the one-shot
# migration (`node dist/cli.js migrate`); see docker-compose.yml.
# The project supports Node >= 20.11; the image uses the current LTS line.

ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: every dependency, compiled dist/ -------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY --chown=node:node tsconfig.json tsconfig.build.json ./
COPY --chown=node:node src ./src
RUN npm run build

# --- prod-deps: production dependencies only ---------------------------------------------------
# Its own stage on the lockfile alone, so a source change does not reinstall them.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- test: `npm test` with dev dependencies, sources and tests ---------------------------------
# Used by `docker compose --profile test run --rm test`, which points it at the postgres and redis
# services (TEST_DATABASE_URL, TEST_REDIS_URL, REQUIRE_SERVICES=1).
FROM build AS test
COPY --chown=node:node . .
CMD ["npm", "test"]

# --- runtime: the application image ------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the process: the application never writes to its own files.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
COPY curricula ./curricula
USER node
EXPOSE 3000
# Liveness of the HTTP server; a worker-only process (ROLE=worker) serves no HTTP, so there the
# check is that the process runs. No curl in the slim image, hence node's fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "if (process.env.ROLE === 'worker') process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
