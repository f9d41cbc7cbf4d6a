// The bookshelf schema the interop servers share, with its data: what the Java client's
// documents in src/test/resources/graphql-documents/ ask for.
export const typeDefs = `
  type Query {
    book(id: ID!): Book
    books(author: String): [Book!]!
  }
  type Mutation {
    addBook(title: String!, author: String!): Book!
  }
  type Book {
    id: ID!
    title: String!
    author: String!
  }
`;

const books = [
  { id: "1", title: "The Left Hand of Darkness", author: "Ursula K. Le Guin" },
  { id: "2", title: "Kindred", author: "Octavia E. Butler" },
];

export const resolvers = {
  Query: {
    book: (_, { id }) => books.find((book) => book.id === id) ?? null,
    books: (_, { author }) => books.filter((book) => author == null || book.author === author),
  },
  Mutation: {
    addBook: (_, { title, author }) => {
      const book = { id: String(books.length + 1), title, author };
      books.push(book);
      return book;
    },
  },
};

// One JSON line per request as the server received it, read by the Java tests.
export function record(server, method, params) {
  const persistedQuery = params.extensions?.persistedQuery;
  console.log(JSON.stringify({
    record: server,
    method,
    operationName: params.operationName ?? null,
    text: typeof params.query === "string" && params.query.length > 0,
    hash: persistedQuery?.sha256Hash ?? null,
    documentId: params.documentId ?? null,
  }));
}
