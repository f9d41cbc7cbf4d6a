// A Relay query; relay-compiler finds the graphql tag and persists the operation.
import { graphql } from "react-relay";

export const BookTitleQuery = graphql`
  query BookTitleQuery($id: ID!) {
    book(id: $id) {
      id
      title
    }
  }
`;
