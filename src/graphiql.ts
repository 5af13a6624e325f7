/** The example GraphiQL opens with: a traversal from Canada to Latvia, each step with its sentence. */
export const DEFAULT_QUERY = `# Canada leads a NATO mission: where is it deployed, who hosts it,
# how many troops does Canada contribute? Every relation cites its sentence.
query CanadaInLatvia {
  entity(key: "canada") {
    name
    ... on Nation {
      isoCode
      leaders { edges { role node { name } evidence { excerpt } } }
      ledMissions {
        edges {
          evidence { excerpt source { title publisher } }
          node {
            name
            status
            deployedTo { edges { node { name } evidence { excerpt } } }
            hosts { edges { node { name } inferred } }
            contributors {
              edges { troops additionalTroops asOf node { name } evidence { excerpt } }
            }
          }
        }
      }
      spending { edges { value unit year estimated node { name } evidence { excerpt } } }
    }
  }
}
`;
