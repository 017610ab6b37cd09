# The kit as an image: connect-mock (the default command), connect-contract and connect-fixtures.
#   docker build -t connect-customer-api-kit .
#   docker run --rm -p 127.0.0.1:4010:4010 connect-customer-api-kit
# README "Without Node: Docker"; why it is built this way: docs/decisions/039.

# Production dependencies alone, from the lockfile: rebuilt only when package.json or the lockfile
# change, not with every source change.
FROM node:24-bookworm-slim AS deps
WORKDIR /kit
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Build: every dependency (TypeScript, Redoc's bundle), then the compiled kit in dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /kit
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Run: the compiled kit with its production dependencies (Dredd among them), as the user `node`.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4010
WORKDIR /opt/connect-kit
COPY --from=deps /kit/package.json ./
COPY --from=deps /kit/node_modules ./node_modules
COPY --from=build /kit/bin ./bin
COPY --from=build /kit/dist ./dist
RUN ln -s /opt/connect-kit/bin/connect-mock.js /usr/local/bin/connect-mock \
 && ln -s /opt/connect-kit/bin/connect-contract.js /usr/local/bin/connect-contract \
 && ln -s /opt/connect-kit/bin/connect-fixtures.js /usr/local/bin/connect-fixtures \
 && mkdir /data && chown node:node /data
# Where the commands write what they are asked to (--state-file, --out, reports/contract): mount it.
WORKDIR /data
USER node
EXPOSE 4010
# Node is the health check's client: the slim image has no curl. It follows PORT, not --port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4010) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# connect-mock runs as PID 1 (no shell in between): it closes the mock on SIGTERM, so `docker stop`
# ends it at once.
CMD ["connect-mock"]
