# One image for both services; docker-compose picks the entry point per service.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Install dependencies first so that code changes do not invalidate the npm layer.
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/enrich/package.json packages/enrich/
COPY packages/store/package.json packages/store/
COPY services/worker/package.json services/worker/
COPY services/api/package.json services/api/
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
# Type-check and bundle the dashboard at build time; the container never reaches a CDN.
RUN npm run build
USER node
EXPOSE 4000
CMD ["npx", "tsx", "scripts/start.ts"]
