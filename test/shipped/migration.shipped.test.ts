/**
 * The claims migration (issue 24): a graph written by the previous version (relations with
 * evidence but no claim values or points in time) is converted when the server as shipped
 * starts, and starting again changes nothing.
 */
import { afterAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";
import { errorLines, ingestOk, post, startShipped } from "../helpers/shipped.js";

const db = testDb();
const P = "migr-";
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

/**
 * What the previous version wrote: entities (one with field provenance), dated sources, and a
 * relation without claims.
 */
async function writeLegacyGraph() {
  await cypher(
    db,
    `CREATE (:Entity:Source {key: $p + 'source', kind: 'Source', name: 'Old article', nameLower: 'old article', aliases: [], publishedAt: '2019-05'})
     CREATE (:Entity:Source {key: $p + 'source2', kind: 'Source', name: 'Newer article', nameLower: 'newer article', aliases: [], publishedAt: '2021-02'})
     // Its description set by the older article, then changed by the newer one (the provenance
     // the previous version kept); its name and isoCode from a source it did not record.
     CREATE (a:Entity:Nation {key: $p + 'canada', kind: 'Nation', name: 'Oldland', nameLower: 'oldland', aliases: [],
                              isoCode: 'OLD', description: 'Newer words.', descriptionSource: $p + 'source2',
                              descriptionPrevious: 'Older words.', descriptionPreviousSource: $p + 'source'})
     CREATE (m:Entity:Mission {key: $p + 'mission', kind: 'Mission', name: 'Old mission', nameLower: 'old mission', aliases: []})
     CREATE (a)-[:CONTRIBUTES_TO {troops: 455, evidenceSources: [$p + 'source'], evidenceExcerpts: ['455 troops serve.'],
                                   evidenceInferred: [false], inferred: false, updatedBy: 'ingest', updatedAt: datetime('2020-01-01T00:00:00Z')}]->(m)`,
    { p: P },
  );
}

const QUERY = `query ($k: String!) { entity(key: $k) { name description ... on Nation { isoCode }
  claims { source { key } at values rank } fieldSources { field source previous previousSource }
  relations(types: [CONTRIBUTES_TO]) { edges {
  troops disputed sourceCount updatedAt claims { source { key } excerpt at values rank inferred } } } } }`;

describe("claims migration on start", () => {
  it("converts relations written before claims, once", async () => {
    await writeLegacyGraph();
    const first = await startShipped();
    let converted: unknown;
    try {
      const r = await post(first, { query: QUERY, variables: { k: `${P}canada` } });
      expect(r.body.errors).toBeUndefined();
      converted = r.body.data.entity;
      const { relations, ...fields } = r.body.data.entity;
      // The entity's values are unchanged; its provenance became claims, oldest first (the
      // values of a source not recorded: no source, no time).
      expect(fields).toEqual({
        name: "Oldland",
        description: "Newer words.",
        isoCode: "OLD",
        claims: [
          { source: null, at: null, values: { isoCode: "OLD", name: "Oldland" }, rank: "NORMAL" },
          {
            source: { key: `${P}source` },
            at: "2019-05",
            values: { description: "Older words." },
            rank: "NORMAL",
          },
          {
            source: { key: `${P}source2` },
            at: "2021-02",
            values: { description: "Newer words." },
            rank: "NORMAL",
          },
        ],
        fieldSources: [
          {
            field: "description",
            source: `${P}source2`,
            previous: "Older words.",
            previousSource: `${P}source`,
          },
        ],
      });
      expect(relations.edges).toEqual([
        {
          troops: 455,
          disputed: false,
          sourceCount: 1,
          updatedAt: "2020-01-01T00:00:00Z",
          claims: [
            {
              source: { key: `${P}source` },
              excerpt: "455 troops serve.",
              at: "2019-05",
              values: { troops: 455 },
              rank: "NORMAL",
              inferred: false,
            },
          ],
        },
      ]);
      expect(first.output()).toMatch(/Converted \d+ relations to claims/);
      expect(first.output()).toMatch(/Converted \d+ entities to claims/);
    } finally {
      await first.stop();
    }
    const [stored] = await cypher(
      db,
      "MATCH (n:Entity {key: $k})-[r:CONTRIBUTES_TO]->() RETURN properties(r) AS props, properties(n) AS node",
      { k: `${P}canada` },
    );
    // The provenance properties are gone.
    expect(Object.keys(stored?.node as object).filter((k) => k.startsWith("description"))).toEqual([
      "description",
    ]);
    // Again: nothing left to convert, and the relation is as the first start left it.
    const second = await startShipped();
    try {
      const r = await post(second, { query: QUERY, variables: { k: `${P}canada` } });
      expect(r.body.data.entity).toEqual(converted);
      expect(second.output()).not.toMatch(/Converted \d+ relations to claims/);
      expect(second.output()).not.toMatch(/Converted \d+ entities to claims/);
    } finally {
      await second.stop();
    }
    const [again] = await cypher(
      db,
      "MATCH (n:Entity {key: $k})-[r:CONTRIBUTES_TO]->() RETURN properties(r) AS props, properties(n) AS node",
      { k: `${P}canada` },
    );
    expect(JSON.stringify(again?.props)).toBe(JSON.stringify(stored?.props));
    expect(JSON.stringify(again?.node)).toBe(JSON.stringify(stored?.node));
  });
});

describe("names written before they were normalised", () => {
  const NFD = "Cafe\u0301\u00a0 Qwertyville\u200b";
  const NFC = "Café Qwertyville";
  const QUERY_NAMES = `query ($n: String!) {
    places(where: { name: { equals: $n } }) { edges { node { key name aliases claims { values } } } }
    search(query: $n, kinds: [Place], first: 3) { edges { node { key } } } }`;
  it("are rewritten as they read when the server starts, once, so a lookup by the composed name finds them", async () => {
    // What a version before normalisation wrote: a decomposed accent, a no-break space, a
    // zero-width space; an alias with doubled spaces and a soft hyphen.
    await cypher(
      db,
      `CREATE (:Entity:Place {key: $p + 'cafe', kind: 'Place', name: $name, nameLower: toLower($name),
                              aliases: ['Old  Qwerty\u00adville', 'Old Qwertyville']})`,
      { p: P, name: NFD },
    );
    const first = await startShipped();
    let found: unknown;
    try {
      const r = await post(first, { query: QUERY_NAMES, variables: { n: NFC } });
      expect(r.body.errors).toBeUndefined();
      found = r.body.data;
      expect(r.body.data).toEqual({
        places: {
          edges: [
            {
              node: {
                key: `${P}cafe`,
                name: NFC,
                aliases: ["Old Qwertyville"],
                claims: [{ values: { name: NFC } }],
              },
            },
          ],
        },
        search: { edges: [{ node: { key: `${P}cafe` } }] },
      });
      expect(first.output()).toMatch(/Settled the names of 1 entit/);
    } finally {
      await first.stop();
    }
    const second = await startShipped();
    try {
      const r = await post(second, { query: QUERY_NAMES, variables: { n: NFC } });
      expect(r.body.data).toEqual(found);
      expect(second.output()).not.toMatch(/Settled the names/);
    } finally {
      await second.stop();
    }
  });
});

describe("entities only a retracted source states, in a graph written before they were labelled", () => {
  const QUERY_HIDDEN = `query ($k: String!, $n: String!) {
    entity(key: $k) { key retracted }
    places(where: { name: { equals: $n } }) { totalCount edges { node { key } } }
    search(query: $n, kinds: [Place], first: 3) { edges { node { key } } } }`;
  it("are labelled when the server starts, once, and left out of lists and search", async () => {
    // What a version before the label wrote: a place whose only claim is a retracted source's.
    await cypher(
      db,
      `CREATE (:Entity:Source {key: $p + 'gone-source', kind: 'Source', name: 'Withdrawn article',
                               nameLower: 'withdrawn article', aliases: [], retracted: true})
       CREATE (:Entity:Place {key: $p + 'gone', kind: 'Place', name: 'Zyxwold', nameLower: 'zyxwold',
                              aliases: [], claimSources: [$p + 'gone-source'], claimAt: [''],
                              claimValues: ['{"name":"Zyxwold"}'], claimRanks: ['DEPRECATED']})`,
      { p: P },
    );
    const variables = { k: `${P}gone`, n: "Zyxwold" };
    const hidden = {
      entity: { key: `${P}gone`, retracted: true },
      places: { totalCount: 0, edges: [] },
      search: { edges: [] },
    };
    const first = await startShipped();
    try {
      const r = await post(first, { query: QUERY_HIDDEN, variables });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual(hidden);
      expect(first.output()).toMatch(/Labelled \d+ entities that hold a retracted source's claims/);
    } finally {
      await first.stop();
    }
    const second = await startShipped();
    try {
      const r = await post(second, { query: QUERY_HIDDEN, variables });
      expect(r.body.data).toEqual(hidden);
      expect(second.output()).not.toMatch(/Labelled \d+ entities/);
    } finally {
      await second.stop();
    }
  });
});

describe("numbers a version before stored as -0", () => {
  // The filters alone, as a client sends them: each is a seek of the value's range index.
  const QUERY_ZERO = `{
    equals: pledges(first: 100, where: { value: { equals: 0 } }) { edges { node { key } } }
    atLeast: pledges(first: 100, where: { value: { gte: 0 } }) { edges { node { key } } }
    below: pledges(first: 100, where: { value: { lt: 0 } }) { edges { node { key } } } }`;
  type Pages = Record<string, { edges: { node: { key: string } }[] }>;
  /** Each filter's keys among this test's pledges. */
  const ours = (data: Pages) =>
    Object.fromEntries(
      Object.entries(data).map(([k, page]) => [
        k,
        page.edges.map((e) => e.node.key).filter((key) => key.startsWith(P)),
      ]),
    );
  const found = [`${P}zero-pledge`];
  it("are 0 when the server starts, once, so a filter on 0 finds them", async () => {
    // A graph as this version writes it, but for a pledge's value and a troop figure stored as
    // -0.0, as a version before withoutNegativeZero wrote a -0 it was sent.
    const token = generateToken();
    const { gql } = createClient(db, {
      tokens: [{ name: "writer", sha256: token.sha256, scopes: ["write"] }],
    });
    const sentence = "Zeroland sends no troops to Operation Zero.";
    const ingested = await gql(
      "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }",
      {
        d: {
          source: {
            key: `${P}zero-source`,
            name: "Zero article",
            properties: { title: "Zero article", publishedAt: "2021-03" },
          },
          entities: [
            {
              key: `${P}zero-pledge`,
              kind: "Pledge",
              name: "Zeroland's zero pledge",
            },
            { key: `${P}zeroland`, kind: "Nation", name: "Zeroland" },
            { key: `${P}zero-mission`, kind: "Mission", name: "Operation Zero" },
          ],
          relations: [
            {
              from: `${P}zeroland`,
              type: "CONTRIBUTES_TO",
              to: `${P}zero-mission`,
              evidence: sentence,
            },
          ],
        },
      },
      `Bearer ${token.token}`,
    );
    expect(ingested.data?.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    // Set where there was no value (Neo4j takes -0.0 for 0.0 unchanged, so setting it over a
    // 0 keeps the 0), and as a parameter: the driver sends a JavaScript -0 as -0.0.
    await cypher(
      db,
      `MATCH (p:Pledge {key: $p + 'zero-pledge'}) SET p.value = $zero
       WITH p MATCH (:Nation {key: $p + 'zeroland'})-[r:CONTRIBUTES_TO]->() SET r.troops = $zero`,
      { p: P, zero: -0 },
    );
    const missed = await gql<Pages>(QUERY_ZERO);
    // What the earlier version's graph answers: a value shown as 0 that gte 0 misses and lt 0
    // finds (whether equals 0 finds it depends on the plan Neo4j picks: a seek of the range
    // index keeps -0.0 apart, a filter does not).
    const before = ours(missed.data as Pages);
    expect([before.atLeast, before.below]).toEqual([[], found]);
    const settled = { equals: found, atLeast: found, below: [] };
    const troops = async () =>
      (
        await cypher(
          db,
          "MATCH (:Nation {key: $p + 'zeroland'})-[r:CONTRIBUTES_TO]->() RETURN r.troops < 0.0 AS negative",
          { p: P },
        )
      ).map((row) => row.negative);
    const first = await startShipped();
    try {
      const r = await post(first, { query: QUERY_ZERO });
      expect(r.body.errors).toBeUndefined();
      expect(ours(r.body.data)).toEqual(settled);
      expect(first.output()).toMatch(/Settled 2 numbers stored as -0/);
    } finally {
      await first.stop();
    }
    expect(await troops()).toEqual([false]);
    const second = await startShipped();
    try {
      const r = await post(second, { query: QUERY_ZERO });
      expect(ours(r.body.data)).toEqual(settled);
      expect(second.output()).not.toMatch(/numbers stored as -0/);
    } finally {
      await second.stop();
    }
  });
});

describe("a source written before sources recorded where they make their claims", () => {
  it("has its footprint recorded when the server starts, once", async () => {
    // What a version before the footprint lists wrote: a source and a place it has a claim on.
    await cypher(
      db,
      `CREATE (:Entity:Source {key: $p + 'fp-source', kind: 'Source', name: 'Footprint article',
                               nameLower: 'footprint article', aliases: []})
       CREATE (:Entity:Place {key: $p + 'fp-place', kind: 'Place', name: 'Fpville', nameLower: 'fpville',
                              aliases: [], claimSources: [$p + 'fp-source'], claimAt: [''],
                              claimValues: ['{"name":"Fpville"}'], claimRanks: ['NORMAL']})`,
      { p: P },
    );
    const lists = `MATCH (s:Entity {key: $k})
      RETURN s.footprintKeys AS keys, s.footprintRelations AS ids`;
    const first = await startShipped();
    try {
      expect(first.output()).toMatch(
        /Recorded where \d+ sources written by an earlier version make their claims/,
      );
    } finally {
      await first.stop();
    }
    // Its corrections reach its claims through these, not by scanning the graph.
    expect(await cypher(db, lists, { k: `${P}fp-source` })).toEqual([
      { keys: [`${P}fp-place`], ids: [] },
    ]);
    const second = await startShipped();
    try {
      expect(second.output()).not.toMatch(/Recorded where/);
    } finally {
      await second.stop();
    }
  });
});

describe("whole numbers beyond 32 bits, stored before the limit", () => {
  // Written before today's limit (80d04b3): troops of 3,000,000,000, an Int GraphQL cannot hold.
  const QUERY_BIG = `query ($k: String!, $m: String!) {
    entity(key: $k) { key name relations(types: [CONTRIBUTES_TO]) { edges {
      troops additionalTroops node { key } claims { values } } } }
    mission: entity(key: $m) { ... on Mission { contributors { edges { troops node { key } } } } } }`;
  it("answer their field null with a STORED_VALUE_OUT_OF_RANGE error naming the value; the rest of the query is answered", async () => {
    await cypher(
      db,
      `CREATE (a:Entity:Nation {key: $p + 'bignation', kind: 'Nation', name: 'Bigland', nameLower: 'bigland', aliases: []})
       CREATE (m:Entity:Mission {key: $p + 'bigmission', kind: 'Mission', name: 'Big mission', nameLower: 'big mission', aliases: []})
       CREATE (s:Entity:Source {key: $p + 'bigsource', kind: 'Source', name: 'Big article', nameLower: 'big article', aliases: []})
       CREATE (a)-[:CONTRIBUTES_TO {troops: 3000000000, additionalTroops: 130, evidenceSources: [$p + 'bigsource'],
                                   evidenceExcerpts: ['Three billion troops serve.'], evidenceInferred: [false],
                                   inferred: false, updatedBy: 'ingest', updatedAt: datetime('2026-12-01T00:00:00Z')}]->(m)`,
      { p: P },
    );
    const server = await startShipped();
    try {
      const r = await post(server, {
        query: QUERY_BIG,
        variables: { k: `${P}bignation`, m: `${P}bigmission` },
      });
      // Before (redteam27): the same data, but each error was masked ("Unexpected error.",
      // INTERNAL_SERVER_ERROR) and logged at error level, saying nothing of the stored value.
      expect(r.body.data).toEqual({
        entity: {
          key: `${P}bignation`,
          name: "Bigland",
          relations: {
            edges: [
              {
                troops: null,
                additionalTroops: 130,
                node: { key: `${P}bigmission` },
                claims: [{ values: { additionalTroops: 130, troops: 3000000000 } }],
              },
            ],
          },
        },
        mission: { contributors: { edges: [{ troops: null, node: { key: `${P}bignation` } }] } },
      });
      const errors = r.body.errors as { path: unknown[]; message: string; extensions: object }[];
      expect(errors.map((e) => e.path.join("."))).toEqual(
        expect.arrayContaining([
          "entity.relations.edges.0.troops",
          "mission.contributors.edges.0.troops",
        ]),
      );
      for (const e of errors) {
        expect(e.extensions).toEqual({
          code: "STORED_VALUE_OUT_OF_RANGE",
          property: "troops",
          stored: "3000000000",
        });
        expect(e.message).toMatch(/^troops: the stored value 3000000000 is beyond a GraphQL Int/);
      }
      expect(errors).toHaveLength(2);
      expect(errorLines(server)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it("keeps them numbers when a document then states the relation again: ingested, its claims and figures still numbers (edges28)", async () => {
    // 2^60 is beyond what a JavaScript number holds exactly (2^53): the driver's Integer came back
    // as its digits, and the start's migration and every later settle wrote those digits back as
    // text: the claim said troops "1152921504606846976" and the relation's troops became a
    // string, which no number filter finds. 3,000,000,000 (within 2^53) stays a number.
    const BIG = "1152921504606846976";
    await cypher(
      db,
      `CREATE (a:Entity:Nation {key: $p + 'hugenation', kind: 'Nation', name: 'Hugeland', nameLower: 'hugeland', aliases: []})
       CREATE (b:Entity:Nation {key: $p + 'bignation2', kind: 'Nation', name: 'Bigland Two', nameLower: 'bigland two', aliases: []})
       CREATE (m:Entity:Mission {key: $p + 'hugemission', kind: 'Mission', name: 'Huge mission', nameLower: 'huge mission', aliases: []})
       CREATE (s:Entity:Source {key: $p + 'hugesource', kind: 'Source', name: 'Huge article', nameLower: 'huge article', aliases: []})
       CREATE (a)-[:CONTRIBUTES_TO {troops: toInteger($big), evidenceSources: [$p + 'hugesource'],
                                   evidenceExcerpts: ['Countless troops serve.'], evidenceInferred: [false],
                                   inferred: false, updatedBy: 'ingest', updatedAt: datetime('2026-12-01T00:00:00Z')}]->(m)
       CREATE (b)-[:CONTRIBUTES_TO {troops: 3000000000, evidenceSources: [$p + 'hugesource'],
                                   evidenceExcerpts: ['Three billion serve.'], evidenceInferred: [false],
                                   inferred: false, updatedBy: 'ingest', updatedAt: datetime('2026-12-01T00:00:00Z')}]->(m)`,
      { p: P, big: BIG },
    );
    const server = await startShipped();
    try {
      const text = "Hugeland sends 200 troops.\nBigland Two sends 300 troops.";
      await ingestOk(server, {
        source: { key: `${P}hugeupdate`, name: "Huge update", properties: { text } },
        entities: [
          { key: `${P}hugenation`, kind: "Nation", name: "Hugeland" },
          { key: `${P}bignation2`, kind: "Nation", name: "Bigland Two" },
          { key: `${P}hugemission`, kind: "Mission", name: "Huge mission" },
        ],
        relations: [
          {
            from: `${P}hugenation`,
            type: "CONTRIBUTES_TO",
            to: `${P}hugemission`,
            properties: { troops: 200 },
            evidence: "Hugeland sends 200 troops.",
          },
          {
            from: `${P}bignation2`,
            type: "CONTRIBUTES_TO",
            to: `${P}hugemission`,
            properties: { troops: 300 },
            evidence: "Bigland Two sends 300 troops.",
          },
        ],
      });
      const r = await post(server, {
        query: `query ($m: String!) { mission: entity(key: $m) { ... on Mission {
          contributors { edges { node { key } claims { source { key } values } } } } } }`,
        variables: { m: `${P}hugemission` },
      });
      expect(r.body.errors).toBeUndefined();
      const claims = Object.fromEntries(
        r.body.data.mission.contributors.edges.map(
          (e: { node: { key: string }; claims: { source: { key: string }; values: object }[] }) => [
            e.node.key,
            e.claims.map((c) => [c.source.key, c.values]),
          ],
        ),
      );
      expect(claims).toEqual({
        [`${P}hugenation`]: expect.arrayContaining([
          [`${P}hugesource`, { troops: 2 ** 60 }],
          [`${P}hugeupdate`, { troops: 200 }],
        ]),
        [`${P}bignation2`]: expect.arrayContaining([
          [`${P}hugesource`, { troops: 3000000000 }],
          [`${P}hugeupdate`, { troops: 300 }],
        ]),
      });
      // In Neo4j, every stated troops a number: none text.
      const [row] = await cypher(
        db,
        `MATCH (n:Entity)-[r:CONTRIBUTES_TO]->(:Entity {key: $m})
         RETURN collect(DISTINCT valueType(r.troops)) AS types,
                [x IN collect(r.evidenceValues) WHERE any(v IN x WHERE v CONTAINS '"troops":"')] AS text`,
        { m: `${P}hugemission` },
      );
      expect(row?.text).toEqual([]);
      expect(row?.types).not.toContain("STRING NOT NULL");
      expect(errorLines(server)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe("whole numbers stored as floats (edges29)", () => {
  const types = async () => {
    const rows = await cypher(
      db,
      `MATCH (n:Entity)-[r:CONTRIBUTES_TO|SPENDS]->(m:Entity) WHERE n.key STARTS WITH $p + 'int-'
       RETURN n.key + '|' + type(r) + '|' + m.key AS id,
              [k IN ['troops', 'additionalTroops', 'year', 'value'] WHERE r[k] IS NOT NULL | k + ':' + valueType(r[k])] AS types
       ORDER BY id`,
      { p: P },
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.types]));
  };
  const QUERY_INT = `query ($m: String!, $n: String!) {
    mission: entity(key: $m) { ... on Mission { contributors { edges { node { key } troops additionalTroops
      claims { source { key } values } } } } }
    nation: entity(key: $n) { ... on Nation { spending { edges { node { key } value year unit claims { values } } } } } }`;
  const vars = { m: `${P}int-mission`, n: `${P}int-aland` };

  it("are stored as Integers by every write, settled to Integers once at start, and answered the same throughout", async () => {
    const server = await startShipped();
    let answer: unknown;
    try {
      const text =
        "Aland sends 540 troops and 60 more.\nBland sends 1200 troops.\nAland spent 1.37% of GDP in 2014.";
      await ingestOk(server, {
        source: { key: `${P}int-source`, name: "Integer article", properties: { text } },
        entities: [
          { key: `${P}int-aland`, kind: "Nation", name: "Aland" },
          { key: `${P}int-bland`, kind: "Nation", name: "Bland" },
          { key: `${P}int-cland`, kind: "Nation", name: "Cland" },
          { key: `${P}int-mission`, kind: "Mission", name: "Integer mission" },
          { key: `${P}int-target`, kind: "Pledge", name: "Integer target" },
        ],
        relations: [
          {
            from: `${P}int-aland`,
            type: "CONTRIBUTES_TO",
            to: `${P}int-mission`,
            properties: { troops: 540, additionalTroops: 60 },
            evidence: "Aland sends 540 troops and 60 more.",
          },
          {
            from: `${P}int-bland`,
            type: "CONTRIBUTES_TO",
            to: `${P}int-mission`,
            properties: { troops: 1200 },
            evidence: "Bland sends 1200 troops.",
          },
          {
            from: `${P}int-aland`,
            type: "SPENDS",
            to: `${P}int-target`,
            properties: { value: 1.37, year: 2014, unit: "percent of GDP" },
            evidence: "Aland spent 1.37% of GDP in 2014.",
          },
        ],
      });
      // addRelation, the single write, stores its figure as an Integer too.
      const added = await post(
        server,
        {
          query: `mutation ($i: AddRelationInput!) { addRelation(input: $i) { __typename } }`,
          variables: {
            i: {
              from: `${P}int-cland`,
              type: "CONTRIBUTES_TO",
              to: `${P}int-mission`,
              properties: { troops: 75 },
              evidence: { source: `${P}int-source`, excerpt: "Bland sends 1200 troops." },
              inferred: true,
            },
          },
        },
        { authorization: server.authorization },
      );
      expect(added.body.data.addRelation).toEqual({ __typename: "AddRelationSuccess" });
      // A Cypher user reads `troops: 540`, not `540.0`; a share of GDP stays a float.
      const written = {
        [`${P}int-aland|CONTRIBUTES_TO|${P}int-mission`]: [
          "troops:INTEGER NOT NULL",
          "additionalTroops:INTEGER NOT NULL",
        ],
        [`${P}int-aland|SPENDS|${P}int-target`]: ["year:INTEGER NOT NULL", "value:FLOAT NOT NULL"],
        [`${P}int-bland|CONTRIBUTES_TO|${P}int-mission`]: ["troops:INTEGER NOT NULL"],
        [`${P}int-cland|CONTRIBUTES_TO|${P}int-mission`]: ["troops:INTEGER NOT NULL"],
      };
      expect(await types()).toEqual(written);
      const r = await post(server, { query: QUERY_INT, variables: vars });
      expect(r.body.errors).toBeUndefined();
      answer = r.body.data;
      expect(
        r.body.data.mission.contributors.edges.map((e: { troops: number }) => e.troops),
      ).toEqual([540, 1200, 75]);
      expect(r.body.data.nation.spending.edges[0]).toMatchObject({ value: 1.37, year: 2014 });
      // Aland's figures as a version before stored them (the driver sent every number as a
      // float; removed first: Neo4j takes 540.0 over 540 for unchanged); Bland's and Cland's stay
      // Integers, so one list mixes old and new rows.
      await cypher(
        db,
        `MATCH (:Nation {key: $p + 'int-aland'})-[r:CONTRIBUTES_TO|SPENDS]->()
         WITH r, r.troops AS t, r.additionalTroops AS a, r.year AS y
         REMOVE r.troops, r.additionalTroops, r.year
         SET r.troops = toFloat(t), r.additionalTroops = toFloat(a), r.year = toFloat(y)`,
        { p: P },
      );
      expect((await types())[`${P}int-aland|SPENDS|${P}int-target`]).toEqual([
        "year:FLOAT NOT NULL",
        "value:FLOAT NOT NULL",
      ]);
      const mixed = await post(server, { query: QUERY_INT, variables: vars });
      expect(mixed.body.errors).toBeUndefined();
      expect(mixed.body.data).toEqual(answer);
    } finally {
      await server.stop();
    }
    const second = await startShipped();
    try {
      expect(second.output()).toMatch(/Settled 3 whole numbers/);
      const r = await post(second, { query: QUERY_INT, variables: vars });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual(answer);
      expect(errorLines(second)).toEqual([]);
    } finally {
      await second.stop();
    }
    const settled = await types();
    expect(settled[`${P}int-aland|CONTRIBUTES_TO|${P}int-mission`]).toEqual([
      "troops:INTEGER NOT NULL",
      "additionalTroops:INTEGER NOT NULL",
    ]);
    expect(settled[`${P}int-aland|SPENDS|${P}int-target`]).toEqual([
      "year:INTEGER NOT NULL",
      "value:FLOAT NOT NULL",
    ]);
    const third = await startShipped();
    try {
      expect(third.output()).not.toMatch(/whole numbers/);
    } finally {
      await third.stop();
    }
  });
});
