# API image: graphql-yoga over Neo4j, run as JavaScript compiled by tsc (no TypeScript loader in
# the serving process: it saves memory). The image never starts a local Neo4j: set NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD (see
# docker-compose.yml). Migrations (schema/neo4j/*.cypher) and the seed (seed/*.yaml) are applied
# at start-up, so both folders are copied in.

# The API (tsc) and the explorer's page (Vite) are built with dev dependencies, in a stage of
# their own.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
RUN npm run build

FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so this layer is reused while only the sources change.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# src/, schema/, seed/, tsconfig.json, ... (see .dockerignore for what is left out).
COPY . .
COPY --from=build /app/dist dist

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000

USER node

EXPOSE 4000

# node is PID 1 and gets SIGTERM itself; src/main.ts drains requests and closes the driver.
# The same Node flags as `npm start`: a smaller young generation and a capped old one keep the
# API's resident memory near 150 MB under load; the old generation may grow to twice what
# survived its last full collection (V8's own factor under this cap is about 1.3, which under
# load ran a full collection every second); allocation-site pretenuring is off, as it put the
# driver's per-query objects in the old generation and each request's garbage followed them
# (bench/findings.md). Raise the limits with NODE_OPTIONS if needed.
CMD ["node", "--max-old-space-size=1536", "dist/app/src/main.js"]
