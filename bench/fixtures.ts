/**
 * Picks, from the graph loaded at one size, the keys the operations use. Every pick is a
 * deterministic query (ties broken by key), so the same graph gives the same fixtures.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../src/db/driver.js";
import { RELATION_TYPE_NAMES } from "../src/domain/vocabulary.js";
import { BENCH_WRITER, type Fixtures } from "./operations.js";

async function rows(db: Db, cypher: string, params: Record<string, unknown> = {}) {
  const res = await db.driver.executeQuery(cypher, params, { database: db.database });
  return res.records.map((r) => r.toObject() as Record<string, unknown>);
}

const PATH_TYPES = RELATION_TYPE_NAMES.filter((t) => t !== "MENTIONS").join("|");
/** Persons x events walked with these strides cover every pair once (gcd(P + 1, E) = 1). */
const P = 150;
const E = 149;

export async function pickFixtures(db: Db, size: number): Promise<Fixtures> {
  const [nation] = await rows(
    db,
    `MATCH (n:Nation)-[:MEMBER_OF]->(:Organization)
     RETURN n.key AS key, count(*) AS c ORDER BY c DESC, key LIMIT 1`,
  );
  const [alliance] = await rows(
    db,
    `MATCH (o:Organization {category: 'ALLIANCE'})<-[:MEMBER_OF]-(n:Nation)
     WHERE EXISTS { (n)-[:HOSTS]->(:Mission) }
     RETURN o.key AS key, count(DISTINCT n) AS c ORDER BY c DESC, key LIMIT 1`,
  );
  // A well-connected person, and the first of the people introduced late in the first document
  // that it reaches in 3 or 4 hops (else 2): a path that exists at every size.
  const [from] = await rows(
    db,
    `MATCH (p:Person) WHERE p.key STARTS WITH 'gen-person-'
     RETURN p.key AS key, COUNT { (p)--() } AS c ORDER BY c DESC, key LIMIT 1`,
  );
  let pathTo = "";
  let pathLength = 0;
  for (const want of [3, 4, 2]) {
    for (let n = 290; n >= 200 && !pathTo; n -= 1) {
      const key = `gen-person-${String(n).padStart(4, "0")}`;
      if (key === from?.key) continue;
      const [p] = await rows(
        db,
        `MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
         MATCH p = SHORTEST 1 (a)-[:${PATH_TYPES}]-{1,4}(b)
         RETURN length(p) AS len`,
        { from: from?.key, to: key },
      );
      if (p && Number(p.len) === want) {
        pathTo = key;
        pathLength = want;
      }
    }
    if (pathTo) break;
  }
  if (!nation || !alliance || !from || !pathTo) {
    throw new Error(`no fixtures at ${size}: the graph lacks a hub nation, an alliance or a path`);
  }

  // Mutation pairs: the first P people and E events by key, minus pairs already related.
  const people = (
    await rows(
      db,
      "MATCH (p:Person) WHERE p.key STARTS WITH 'gen-' RETURN p.key AS key ORDER BY key LIMIT $n",
      { n: neo4j.int(P) },
    )
  ).map((r) => String(r.key));
  const events = (
    await rows(
      db,
      "MATCH (e:Event) WHERE e.key STARTS WITH 'gen-' RETURN e.key AS key ORDER BY key LIMIT $n",
      { n: neo4j.int(E) },
    )
  ).map((r) => String(r.key));
  if (people.length < P || events.length < E) throw new Error("too few people or events for pairs");
  const taken = new Set(
    (
      await rows(
        db,
        `MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event) WHERE p.key IN $people AND e.key IN $events
         RETURN p.key + ' ' + e.key AS id`,
        { people, events },
      )
    ).map((r) => String(r.id)),
  );
  const pairs: { from: string; to: string }[] = [];
  for (let j = 0; j < P * E; j += 1) {
    const from = people[j % P] as string;
    const to = events[(j + Math.floor(j / P)) % E] as string;
    if (!taken.has(`${from} ${to}`)) pairs.push({ from, to });
  }

  const source = "gen-source-1";
  const [src] = await rows(db, "MATCH (s:Source {key: $source}) RETURN s.text AS text", {
    source,
  });
  const excerpt = String(src?.text ?? "").split("\n")[0] ?? "";
  if (!excerpt) throw new Error("gen-source-1 has no text");

  return {
    size,
    nation: String(nation.key),
    alliance: String(alliance.key),
    pathFrom: String(from.key),
    pathTo,
    pathLength,
    pairs,
    source,
    excerpt,
  };
}

/** Removes every relation the mutation added (marked with the bench writer's name). */
export async function removeBenchRelations(db: Db): Promise<number> {
  const [r] = await rows(
    db,
    `MATCH (:Person)-[r:PARTICIPATED_IN]->(:Event) WHERE r.updatedBy = $by
     DELETE r RETURN count(*) AS n`,
    { by: BENCH_WRITER },
  );
  return Number(r?.n ?? 0);
}
