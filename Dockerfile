# syntax=docker/dockerfile:1
# Quorum server image: the server runs its TypeScript sources directly (Node 24 strips the
# types), so the only build step is the client bundle. Build: docker build -t quorum .

FROM node:24-slim AS base
# pnpm comes from corepack, pinned by "packageManager" in package.json (version and hash).
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH COREPACK_ENABLE_DOWNLOAD_PROMPT=0 CI=true
RUN corepack enable
WORKDIR /app

# The client bundle. Only the client and its workspace dependencies are installed: the root's
# tooling (Playwright, Vitest, the pinned node package) is not needed to build it.
FROM base AS build
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --filter "@quorum/client..." \
 && pnpm --filter @quorum/client build

# The server's production dependencies only, laid out as in the repository.
FROM base AS server-deps
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --filter "@quorum/server..."

FROM node:24-slim AS runtime
# glibc's malloc: big buffers (state patches) mapped and given back when freed, two arenas. Without
# this the server's RSS grew 37 % over a ten-minute round of 200 students (docs/benchmarks.md).
ENV NODE_ENV=production DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
# Code and dependencies stay root-owned (the server cannot rewrite itself); only the data
# directory belongs to the unprivileged user. A fresh named volume on /data inherits this owner.
RUN mkdir /data && chown node:node /data
COPY --from=server-deps /app ./
COPY --from=build /app/apps/client/dist ./apps/client/dist
USER node
EXPOSE 2567
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 2567}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/server/src/main.ts"]
