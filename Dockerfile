# The image microcosm's command-line tools run in on a cluster (npm run sweep, npm run lesson --
# grade, npm run sim): the repository with its dependencies. Its entry point is `npm run`, so
#   docker run --rm microcosm sweep -- scenarios/retry-storm.json --vary nodes.api.instances=1..8
# runs a sweep, and `docker run --rm microcosm` lists the scripts.
FROM node:20-slim
WORKDIR /app
RUN chown node:node /app
USER node
# Dependencies first: a change to the sources does not reinstall them.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY --chown=node:node . .
ENTRYPOINT ["npm", "run"]
