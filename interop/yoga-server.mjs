// GraphQL Yoga with its persisted operations plugin: only persisted operations run, found by
// the GraphQL-over-HTTP documentId ("sha256:<hex>") or Apollo's extensions.persistedQuery.
// The store is the directory of .graphql files given, each under the sha256 of its exact text.
// Usage: node yoga-server.mjs <port> <documents directory>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { createSchema, createYoga } from "graphql-yoga";
import { defaultExtractPersistedOperationId, usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { typeDefs, resolvers, record } from "./schema.mjs";

const port = Number(process.argv[2]);
const directory = process.argv[3];
if (!port || !directory) {
  console.error("usage: node yoga-server.mjs <port> <documents directory>");
  process.exit(2);
}

const store = new Map();
for (const file of readdirSync(directory).filter((name) => name.endsWith(".graphql"))) {
  const text = readFileSync(join(directory, file), "utf8");
  store.set("sha256:" + createHash("sha256").update(text).digest("hex"), text);
}

const recording = {
  onParams({ params, request }) {
    record("yoga", request.method, params);
  },
};

const yoga = createYoga({
  schema: createSchema({ typeDefs, resolvers }),
  extraParamNames: ["documentId"],
  plugins: [
    recording,
    usePersistedOperations({
      extractPersistedOperationId: (params, request, context) =>
        params.documentId ?? defaultExtractPersistedOperationId(params, request, context),
      getPersistedOperation: (key) => store.get(key) ?? store.get("sha256:" + key) ?? null,
    }),
  ],
});

createServer(yoga).listen(port, "127.0.0.1", () => {
  console.log(`GraphQL Yoga ready on port ${port} with ${store.size} persisted operations`);
});
