// Apollo Server 4 with its defaults: automatic persisted queries on (in-memory cache), CSRF
// prevention on. With --no-apq, automatic persisted queries are off, and a hash is answered
// with PersistedQueryNotSupported. Usage: node apollo-server.mjs <port> [--no-apq]
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { typeDefs, resolvers, record } from "./schema.mjs";

const port = Number(process.argv[2]);
if (!port) {
  console.error("usage: node apollo-server.mjs <port>");
  process.exit(2);
}

const recording = {
  async requestDidStart({ request }) {
    record("apollo", request.http?.method, request);
  },
};

const server = new ApolloServer({
  typeDefs,
  resolvers,
  plugins: [recording],
  includeStacktraceInErrorResponses: false,
  persistedQueries: process.argv[3] === "--no-apq" ? false : undefined,
});
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
console.log(`Apollo Server ready at ${url}`);
