# syntax=docker/dockerfile:1
# Build: compile TypeScript with the dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Production dependencies only.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Runtime: compiled code, production dependencies, data the bot ships; runs as a non-root user.
# Screenshots are read in-process (tesseract.js, WebAssembly) with the language data that npm ci
# installed (@tesseract.js-data/*): nothing is downloaded at run time. Memory: about 80 MB for the
# bot, plus about 100 MB per OCR worker (OCR_CONCURRENCY, default 1); allow 512 MB for the container.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HTTP_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY locales ./locales
COPY data ./data
COPY prompts ./prompts
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
