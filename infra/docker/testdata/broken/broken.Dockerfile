# Deliberately broken (tools/ci/check-infra.sh requires check-images to fail on it, with each
# line of expect.txt in its output).
FROM node:20-bookworm-slim
WORKDIR /app
# Does not exist.
COPY apps/no-such-app/package.json ./
# Exists, but .dockerignore keeps it out of the build context.
COPY README.md ./
# Excluded inside an included directory.
COPY apps/tools/dist ./dist
ENTRYPOINT ["node"]
CMD ["apps/not-yet-built/dist/main.js"]
