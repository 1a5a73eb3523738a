# syntax=docker/dockerfile:1
# One image for every TypeScript service (tools, inference, judge, coordinator, trainer) and the
# `swirl` CLI. The entry point is node; the command picks the service:
#   docker build -f infra/docker/services.Dockerfile -t swirl/services:dev .
#   docker run --rm swirl/services:dev apps/tools/dist/main.js --help
# Build context: the repository root (.dockerignore there keeps the context small).
# tools/ci/check-infra.sh checks that every path copied here exists and is not ignored, and that
# every entry point named here or in infra/k8s exists after a build.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- package manifests only: `npm ci` below is re-run only when one of them changes -----------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY apps apps
COPY libs libs
RUN find apps libs -mindepth 2 -maxdepth 2 ! -name package.json -exec rm -rf {} +

# --- build: install every dependency, compile, then drop dev dependencies, sources, and the
# onnxruntime binaries of other operating systems (~220 MB) -----------------------------------
FROM ${NODE_IMAGE} AS build
# better-sqlite3 and other native modules compile when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /src/ ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY apps apps
COPY libs libs
# tsc --build follows the project references, exactly like the Nx build targets (same tsconfigs).
RUN npx tsc --build apps/*/tsconfig.lib.json \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/onnxruntime-node/bin/napi-v*/darwin node_modules/onnxruntime-node/bin/napi-v*/win32 \
 && find apps libs -mindepth 2 -maxdepth 2 \( -name src -o -name out-tsc -o -name 'jest.config.*' -o -name 'tsconfig*.json' \) -exec rm -rf {} + \
 && find apps libs -name '*.tsbuildinfo' -delete \
 && find apps libs \( -name '*.d.ts' -o -name '*.d.ts.map' \) -delete \
 && rm -rf apps/learner

# --- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    SWIRL_HOST=0.0.0.0 \
    SWIRL_DATA_DIR=/var/lib/swirl/data \
    SWIRL_INDEX_CACHE_DIR=/var/cache/swirl/search-index
WORKDIR /app
# node_modules holds symlinks (npm workspaces: node_modules/@swirl/* -> ../../libs/*, ../../apps/*).
COPY --from=build --chown=0:0 /src/node_modules ./node_modules
COPY --from=build --chown=0:0 /src/apps ./apps
COPY --from=build --chown=0:0 /src/libs ./libs
COPY --from=build --chown=0:0 /src/package.json ./package.json
# Exec health probe for TLS deployments (kubelet's native gRPC probe speaks plaintext only).
COPY infra/docker/grpc-health-probe.cjs /app/bin/grpc-health-probe.cjs
RUN mkdir -p /var/lib/swirl/data /var/cache/swirl/search-index \
 && chown -R 1000:1000 /var/lib/swirl /var/cache/swirl
# uid 1000 is the image's `node` user; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 50051 50052 50053 50054 50056 9464 9465 9466 9467 9469 8000
ENTRYPOINT ["node"]
CMD ["apps/tools/dist/main.js"]
