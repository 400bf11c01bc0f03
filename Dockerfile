# syntax=docker/dockerfile:1
# enrollpay: a multi-stage image of the deploy folder `pnpm build` makes (dist/deploy).
#   build   — the workspace, `pnpm install --frozen-lockfile`, `pnpm build`; also the release step's
#             image (`pnpm db:migrate`, see compose.yaml)
#   runtime — only Node and dist/deploy (server bundle, built web app, production node_modules),
#             running as the unprivileged `node` user
# Build: docker build -t enrollpay .   Run: see compose.yaml and README "Production".

FROM node:22-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH TURBO_TELEMETRY_DISABLED=1 NODE_ENV=production
RUN corepack enable
WORKDIR /src
COPY . .
# Dev dependencies are needed to build (NODE_ENV=production would skip them).
RUN pnpm install --frozen-lockfile --prod=false
RUN pnpm build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=build --chown=node:node /src/dist/deploy /app
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server.js"]
