# One image for both processes: `node dist/apps/api/main.js` or `node dist/apps/worker/main.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The locked tree, as .ci/run installs it (`npm ci` refuses a lockfile without other platforms' optional binaries).
RUN npm install --no-save --no-audit --no-fund
COPY . .
# Dev tooling (local servers for npm start, the fault run, the API-types generator) stays out of the
# image: nothing the image runs imports it (ESLint's boundary rules hold production code to that).
RUN npm run build \
 && rm -rf dist/libs/devstack dist/scripts/launch.js dist/scripts/fault-run.js dist/scripts/fault dist/scripts/api-types.js \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
