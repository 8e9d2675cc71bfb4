# ASN learning backend.
#
#   docker build -t asn-learning .                 # the application image (last stage, "runtime")
#   docker build --target test -t asn-learning-test .
#
# The same image runs the API, the worker or both (ROLE=api | worker | all) and the one-shot
# migration (`node dist/cli.js migrate`); see docker-compose.yml.
# The project supports Node >= 20.11; the image uses the current LTS line.

ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: every dependency, `npm run build` -------------------------------------------------
# The whole build output goes into the image: the API's compiled dist/, and app/dist when the
# project has a web app (an empty folder otherwise, so the copy below never fails).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY --chown=node:node . .
RUN npm run build && mkdir -p app/dist

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
CMD ["npm", "test"]

# --- runtime: the application image ------------------------------------------------------------
# Compiled JavaScript and production dependencies only: no TypeScript runner, no embedded
# PostgreSQL (production sets DATABASE_URL), no test tools.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    WORKER_LIVENESS_FILE=/tmp/worker-alive
WORKDIR /app
# Owned by root and read-only for the process: the application never writes to its own files.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/app/dist ./app/dist
COPY package.json ./
COPY migrations ./migrations
COPY curricula ./curricula
USER node
EXPOSE 3000
# By role: the API answers /health/live; the worker finished a job within
# WORKER_ALIVE_MAX_SECONDS (timers give it one every few seconds), so a worker that stopped
# taking jobs turns unhealthy. No curl in the slim image: the check is a small node script.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "dist/health-check.js"]
CMD ["node", "dist/main.js"]
