// Apollo Client 4 with its persisted query link, against a running server.
// Usage: node apollo/persisted-queries.mjs <graphql url>
// Prints one JSON line per step and exits 1 if any step fails.
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const url = process.argv[2];
if (!url) {
  console.error("usage: node apollo/persisted-queries.mjs <graphql url>");
  process.exit(2);
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

function client(useGETForHashedQueries) {
  const link = new PersistedQueryLink({ sha256, useGETForHashedQueries }).concat(new HttpLink({ uri: url }));
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

const BOOK = gql`
  query ApolloBook($id: ID!) {
    book(id: $id) {
      title
    }
  }
`;

const BOOKS_BY = gql`
  query ApolloBooksBy($author: String) {
    books(author: $author) {
      title
    }
  }
`;

const ADD_BOOK = gql`
  mutation ApolloAddBook($title: String!, $author: String!) {
    addBook(title: $title, author: $author) {
      id
      title
    }
  }
`;

let failed = false;

async function step(name, run, check) {
  try {
    const result = await run();
    const ok = !result.error && check(result.data);
    console.log(JSON.stringify({ step: name, ok, data: result.data, error: result.error?.message }));
    failed ||= !ok;
  } catch (error) {
    console.log(JSON.stringify({ step: name, ok: false, error: String(error) }));
    failed = true;
  }
}

const post = client(false);
await step("post-first", () => post.query({ query: BOOK, variables: { id: "1" }, fetchPolicy: "no-cache" }),
  (data) => data.book.title === "The Left Hand of Darkness");
await step("post-repeat", () => post.query({ query: BOOK, variables: { id: "2" }, fetchPolicy: "no-cache" }),
  (data) => data.book.title === "The Dispossessed");

const get = client(true);
await step("get-first", () => get.query({ query: BOOKS_BY, variables: { author: "Octavia E. Butler" }, fetchPolicy: "no-cache" }),
  (data) => data.books.length === 1 && data.books[0].title === "Kindred");
await step("get-repeat", () => get.query({ query: BOOKS_BY, variables: { author: "Ursula K. Le Guin" }, fetchPolicy: "no-cache" }),
  (data) => data.books.length === 2);
await step("mutation", () => get.mutate({ mutation: ADD_BOOK, variables: { title: "Wild Seed", author: "Octavia E. Butler" } }),
  (data) => data.addBook.title === "Wild Seed");

process.exit(failed ? 1 : 0);
