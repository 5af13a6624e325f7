/**
 * Answers a client can check against the graph itself, on the server as `npm start` runs it
 * (redteam17: wrong answers, not crashes). Each case was answered wrongly before its mend: a
 * count that disagreed with the rows it counts, a word typed as the name spells it that found
 * nothing.
 */
import { describe, expect, it } from "vitest";
import { ingestOk, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-answers-";
const { server } = shippedWithPrefix(P);

const ingest = (document: object) => ingestOk(server, document);

const SENTENCE = "Quorvex pledged a multi-year renewal and two per cent of its budget.";
const DOCUMENT = {
  source: { key: `${P}article`, name: "Answers article", properties: { text: SENTENCE } },
  entities: [
    { key: `${P}quorvex`, kind: "Nation", name: "Quorvex" },
    {
      key: `${P}renewal`,
      kind: "Pledge",
      name: "Quorvex multi-year renewal",
      properties: { metric: "OTHER", status: "COMMITTED" },
    },
    {
      key: `${P}share`,
      kind: "Pledge",
      name: "Quorvex two per cent",
      properties: { metric: "PERCENT_GDP", value: 2, unit: "percent of GDP", status: "COMMITTED" },
    },
    { key: `${P}summit`, kind: "Event", name: "Quorvex summit", properties: { date: "2023-05" } },
  ],
  relations: [
    { from: `${P}quorvex`, type: "PARTICIPATED_IN", to: `${P}summit`, evidence: SENTENCE },
    { from: `${P}quorvex`, type: "PLEDGED", to: `${P}renewal`, evidence: SENTENCE },
    { from: `${P}quorvex`, type: "PLEDGED", to: `${P}share`, evidence: SENTENCE },
  ],
};

/** Every row of `pledges(where:)`, page by page, and the totalCount each page gave. */
async function allPledges(where: object): Promise<{ keys: string[]; totals: number[] }> {
  const keys: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const r = await post(server, {
      query: `query ($w: PledgeWhere, $a: String) { pledges(where: $w, first: 50, after: $a) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { key } } } }`,
      variables: { w: where, a: after },
    });
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.pledges;
    totals.push(c.totalCount);
    keys.push(...c.edges.map((e: { node: { key: string } }) => e.node.key));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { keys, totals };
}

describe("answers checked against the graph, on the server as npm start runs it", () => {
  it("counts the rows it lists when a filter negates an empty 'in' list", async () => {
    await ingest(DOCUMENT);
    // `in: []` matches nothing, so NOT of it matches every pledge, with a unit or without one.
    // Before: totalCount counted only the pledges that have a unit (the planner answered the
    // count from the unit's index), while the rows listed them all.
    for (const where of [{ NOT: { unit: { in: [] } } }, { NOT: { status: { in: [] } } }, {}]) {
      const { keys, totals } = await allPledges(where);
      expect(keys).toContain(`${P}renewal`);
      expect(keys).toContain(`${P}share`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const total of totals) expect(total).toBe(keys.length);
    }
    const none = await allPledges({ unit: { in: [] } });
    expect(none).toEqual({ keys: [], totals: [0] });
    // A name list that is empty matches nothing too, alone or beside a prefix (no index hint).
    for (const name of [{ in: [] }, { in: [], startsWith: "q" }]) {
      const r = await post(server, {
        query: `query ($w: NationWhere) { nations(where: $w) { totalCount edges { node { key } } } }`,
        variables: { w: { name } },
      });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.nations).toEqual({ totalCount: 0, edges: [] });
    }
  });

  it("matches, under NOT, the entities that lack the value the condition names", async () => {
    await ingest(DOCUMENT);
    const keys = async (list: string, where: object) => {
      const r = await post(server, {
        query: `query ($w: ${list === "nations" ? "NationWhere" : "PledgeWhere"}) {
          ${list}(where: $w, first: 50) { totalCount edges { node { key } } } }`,
        variables: { w: { AND: [{ key: { startsWith: P } }, where] } },
      });
      expect(r.body.errors).toBeUndefined();
      const c = r.body.data[list];
      expect(c.totalCount).toBe(c.edges.length);
      return c.edges.map((e: { node: { key: string } }) => e.node.key);
    };
    // "This must not hold": Quorvex has no isoCode, so its isoCode is not CAN. Before: left out.
    expect(await keys("nations", { NOT: { isoCode: { equals: "CAN" } } })).toEqual([`${P}quorvex`]);
    // The renewal states no value, so its value is not above 1; the share's (2) is.
    expect(await keys("pledges", { NOT: { value: { gt: 1 } } })).toEqual([`${P}renewal`]);
    // NOT of NOT is the condition itself: only the entities that have the value and match.
    expect(await keys("pledges", { NOT: { NOT: { value: { gt: 1 } } } })).toEqual([`${P}share`]);
    expect(await keys("nations", { NOT: { NOT: { isoCode: { equals: "CAN" } } } })).toEqual([]);
  });

  it("finds a hyphenated word typed as the name spells it", async () => {
    await ingest(DOCUMENT);
    for (const query of ["Quorvex multi-year", "quorvex multi year", "multi-year renewal"]) {
      const r = await post(server, {
        query: `query ($q: String!) { search(query: $q, first: 5) { totalCount edges { node { key } } } }`,
        variables: { q: query },
      });
      expect(r.body.errors).toBeUndefined();
      const keys = r.body.data.search.edges.map((e: { node: { key: string } }) => e.node.key);
      // Before: "multi-year" was searched as "multiyear", which no name holds: nothing found.
      expect(keys, query).toContain(`${P}renewal`);
    }
  });

  it("finds an entity whose words typed lie in different fields (name, alias, description)", async () => {
    await ingest({
      ...DOCUMENT,
      entities: [
        {
          key: `${P}quorvex`,
          kind: "Nation",
          name: "Quorvex",
          aliases: ["Republic of Quorvex"],
          description: "An island state in the Zembla sea.",
        },
        ...DOCUMENT.entities.slice(1),
      ],
    });
    // Before: every word had to be in one field, so each of these found nothing.
    for (const query of ["Quorvex Zembla", "Republic island", "Quorvex republic zembla"]) {
      const r = await post(server, {
        query: `query ($q: String!) { search(query: $q, first: 5) { totalCount edges { node { key } } } }`,
        variables: { q: query },
      });
      expect(r.body.errors).toBeUndefined();
      const keys = r.body.data.search.edges.map((e: { node: { key: string } }) => e.node.key);
      expect(keys[0], query).toBe(`${P}quorvex`);
    }
  });

  it("refuses a date range that ends before it starts, rather than answering as if it were one", async () => {
    await ingest(DOCUMENT);
    const events = (date: object) =>
      post(server, {
        query: `query ($w: EventWhere) { events(where: $w) { edges { node { key } } } }`,
        variables: { w: { key: { startsWith: P }, date } },
      });
    // A day inside the month overlaps it: the month's event is found, as documented.
    const day = await events({ from: "2023-05-31", to: "2023-05-31" });
    expect(day.body.errors).toBeUndefined();
    expect(day.body.data.events.edges).toEqual([{ node: { key: `${P}summit` } }]);
    // Before: from the 31st to the 1st (no day at all) listed the May event too.
    const inverted = await events({ from: "2023-05-31", to: "2023-05-01" });
    expect(inverted.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(inverted.body.errors[0].message).toMatch(/from.*after to/);
    expect(inverted.body.errors[0].extensions.problems[0].path).toEqual(["where", "date", "from"]);
    // The timeline said nothing was there (an empty page), not that the range was empty.
    const timeline = await post(server, {
      query: `{ timeline(entity: "${P}quorvex", from: "2024", to: "2023-12") { totalCount } }`,
    });
    expect(timeline.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(timeline.body.errors[0].extensions.problems[0].path).toEqual(["from"]);
    const overlap = await post(server, {
      query: `{ timeline(entity: "${P}quorvex", from: "2023-05", to: "2023-05-15") { totalCount } }`,
    });
    expect(overlap.body.errors).toBeUndefined();
    expect(overlap.body.data.timeline.totalCount).toBe(1);
  });

  it("lists every relation and timeline entry once however a client pages them", async () => {
    await ingest(DOCUMENT);
    const said =
      "Quorvex invaded Wendria in 2023, and Wendria invaded Quorvex; Kay Vor leads Quorvex.";
    await ingest({
      source: {
        key: `${P}ties`,
        name: "Ties",
        properties: { text: said, publishedAt: "2023-05-10" },
      },
      entities: [
        { key: `${P}quorvex`, kind: "Nation", name: "Quorvex" },
        { key: `${P}wendria`, kind: "Nation", name: "Wendria" },
        { key: `${P}kay`, kind: "Person", name: "Kay Vor" },
        { key: `${P}mission`, kind: "Mission", name: "Wendria mission" },
      ],
      relations: [
        // One type both ways between two nations, and two relations of one person on one day:
        // rows that tie on type, name and key (relations) or on date, name and key (timeline).
        { from: `${P}quorvex`, type: "INVADED", to: `${P}wendria`, evidence: said },
        { from: `${P}wendria`, type: "INVADED", to: `${P}quorvex`, evidence: said },
        {
          from: `${P}kay`,
          type: "LEADS",
          to: `${P}quorvex`,
          properties: { since: "2023-03-01" },
          evidence: said,
        },
        {
          from: `${P}kay`,
          type: "SERVES_IN",
          to: `${P}quorvex`,
          properties: { since: "2023-03-01" },
          evidence: said,
        },
        {
          from: `${P}quorvex`,
          type: "LEADS",
          to: `${P}mission`,
          properties: { since: "2023-03-01" },
          evidence: said,
        },
        {
          from: `${P}quorvex`,
          type: "CONTRIBUTES_TO",
          to: `${P}mission`,
          properties: { since: "2023-03-01", until: "2023-06-30", asOf: "2023-03-01", troops: 100 },
          evidence: said,
        },
      ],
    });
    const lists = {
      relations: (page: string) =>
        `{ entity(key: "${P}quorvex") { relations(${page}) { pageInfo { endCursor } edges {
           type direction node { key } } } } }`,
      timeline: (page: string) =>
        `{ timeline(entity: "${P}quorvex", ${page}) { pageInfo { endCursor } edges {
           date relation { type from { key } to { key } } event { key } } } }`,
    };
    const read = async (query: string) => {
      const r = await post(server, { query });
      expect(r.body.errors).toBeUndefined();
      const c = r.body.data.entity?.relations ?? r.body.data.timeline;
      return { rows: c.edges.map((e: object) => JSON.stringify(e)), end: c.pageInfo.endCursor };
    };
    for (const [name, list] of Object.entries(lists)) {
      const all = (await read(list("first: 50"))).rows;
      expect(all.length, name).toBeGreaterThanOrEqual(3);
      // A first page of k rows, then the rest in one page after its cursor: each row once.
      // Before: a page of 2 relations and the next listed INVADED out twice and INVADED in never.
      for (let k = 1; k < all.length; k++) {
        const first = await read(list(`first: ${k}`));
        const rest = await read(list(`first: 50, after: "${first.end}"`));
        const paged = [...first.rows, ...rest.rows];
        expect(paged, `${name}, first ${k}`).toEqual(all);
      }
    }
  });

  it("draws the relations among a neighbourhood's entities, not only those walked", async () => {
    await ingest(DOCUMENT);
    const said = "Kay Vor of Quorvex attended the Quorvex summit.";
    await ingest({
      source: { key: `${P}summit-report`, name: "Summit report", properties: { text: said } },
      entities: [
        { key: `${P}kay`, kind: "Person", name: "Kay Vor" },
        { key: `${P}summit`, kind: "Event", name: "Quorvex summit" },
        { key: `${P}quorvex`, kind: "Nation", name: "Quorvex" },
      ],
      relations: [
        { from: `${P}kay`, type: "SERVES_IN", to: `${P}quorvex`, evidence: said },
        { from: `${P}kay`, type: "PARTICIPATED_IN", to: `${P}summit`, evidence: said },
      ],
    });
    const r = await post(server, {
      query: `{ neighbourhood(key: "${P}quorvex", depth: 1) { truncated nodes { key }
        edges { type from { key } to { key } } } }`,
    });
    expect(r.body.errors).toBeUndefined();
    const sub = r.body.data.neighbourhood;
    const nodes = sub.nodes.map((n: { key: string }) => n.key);
    const edges = sub.edges.map(
      (e: { type: string; from: { key: string }; to: { key: string } }) =>
        `${e.from.key} ${e.type} ${e.to.key}`,
    );
    expect(nodes).toEqual(expect.arrayContaining([`${P}kay`, `${P}summit`]));
    // Both ends are one hop from Quorvex; before, only the relations from Quorvex were drawn.
    expect(edges).toContain(`${P}kay PARTICIPATED_IN ${P}summit`);
    expect(edges).toContain(`${P}kay SERVES_IN ${P}quorvex`);
    expect(new Set(edges).size).toBe(edges.length);
    expect(sub.truncated).toBe(false);
  });

  it("says a repeated retraction changed nothing, and announces no change for it", async () => {
    await ingest(DOCUMENT);
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: `subscription { graphChanged(keys: ["${P}article"]) { operation } }`,
      }),
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const retract = async (retracted: boolean) => {
      const r = await post(
        server,
        {
          query: `mutation ($r: Boolean) { retractSource(key: "${P}article", retracted: $r) {
            ... on RetractSourceSuccess { data { retracted relations entities } } } }`,
          variables: { r: retracted },
        },
        { authorization: server.authorization },
      );
      expect(r.body.errors).toBeUndefined();
      return r.body.data.retractSource.data;
    };
    try {
      const first = await retract(true);
      expect(first.relations).toBeGreaterThan(0);
      // Before: the same counts again (claims it "changed"), and a second graphChanged event.
      expect(await retract(true)).toEqual({ retracted: true, relations: 0, entities: 0 });
      const restored = await retract(false);
      expect(restored.relations).toBe(first.relations);
      expect(await retract(false)).toEqual({ retracted: false, relations: 0, entities: 0 });
      // The stream saw two changes: the retraction and the restore, nothing between or after.
      await post(
        server,
        {
          query: `mutation { updateEntity(key: "${P}article", input: { description: "Read again." }) { __typename } }`,
        },
        { authorization: server.authorization },
      );
      const operations: string[] = [];
      const decoder = new TextDecoder();
      let text = "";
      while (operations.length < 3) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
        const lines = text.split("\n");
        text = lines.pop() ?? "";
        for (const line of lines)
          if (line.startsWith("data: "))
            operations.push(JSON.parse(line.slice(6)).data.graphChanged.operation);
      }
      expect(operations).toEqual(["retractSource", "retractSource", "updateEntity"]);
    } finally {
      await reader.cancel();
    }
  });
});
