# Order back office image: build with `docker build -t bed-oms:<tag> .` from the repo root.
# Stages: deps (all packages, for building) → build (Prisma client + Nest) → prod-deps
# (runtime packages only) → runtime. Only the last one ships.

ARG NODE_IMAGE=node:20-bookworm-slim

# ── deps: full install, cached as long as the lockfile does not change ────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the only install script that matters would be Prisma's engine download,
# which is not wanted (the app uses the MariaDB driver adapter; the client needs no engine).
RUN npm ci --ignore-scripts --no-audit --no-fund

# ── build: generate the Prisma client into src/generated, then compile to dist/ ───────
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json prisma.config.ts ./
COPY prisma ./prisma
COPY src ./src
# Prisma asks for a schema-engine binary even for `generate`; it is never run, and it
# cannot be downloaded in our build environments, so point it at any existing file.
RUN PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npx prisma generate \
 && npx nest build \
 && test -f dist/main.js && test -f dist/cli.js

# ── prod-deps: a clean production-only tree ─────────────────────────────────────────────
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# Optional dependencies stay: @node-rs/argon2 ships its native binary as a per-platform
# optional package. No install script is needed by anything the app loads at runtime.
# The smoke test fails the build, not production, if the password hasher cannot load.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && node -e "require('@node-rs/argon2').hash('smoke').then(()=>console.log('argon2 ok'))" \
 && npm cache clean --force

# ── runtime ───────────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Files stay owned by root and the process runs as `node`: the app cannot rewrite its own
# code or templates even if compromised. Nothing under /app needs to be writable.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY prisma/migrations ./prisma/migrations
COPY views ./views
COPY public ./public
USER node
EXPOSE 3000
# /healthz only says the process is alive (no DB/Redis check): a DB outage must not make
# Docker restart every app container. Readiness (/readyz) is for the load balancer and the
# blue/green switch. fetch() is built into Node 20, so no curl is needed in the slim image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM directly for the graceful shutdown.
CMD ["node", "dist/main.js"]
