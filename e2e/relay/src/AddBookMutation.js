// A Relay mutation; relay-compiler persists it like a query.
import { graphql } from "react-relay";

export const AddBookMutation = graphql`
  mutation AddBookMutation($title: String!, $author: String!) {
    addBook(title: $title, author: $author) {
      id
      title
      author
    }
  }
`;
