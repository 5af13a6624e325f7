/**
 * Corrections streaming in, against the server as `npm start` runs it: ten clients at once
 * supersede, retract and restore sources that all make claims on the same eight entities
 * (redteam22). Every write must get through (or be refused by the schema), never starve on
 * deadlocks until the server gives up with SERVICE_UNAVAILABLE, and every entity's claims must
 * agree afterwards with the sources as they were left: nothing written in part.
 */
import { describe, expect, it } from "vitest";
import { RETRACTED_CLAIMS_LABEL } from "../../src/domain/vocabulary.js";
import { mulberry32 } from "../../src/generate/documents.js";
import { cypher } from "../helpers/client.js";
import { type Answer, errorLines, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-corrections-";
const { db, server } = shippedWithPrefix(P);

const CLIENTS = 10;
const WRITES = 120;
const PLACES = Array.from({ length: 8 }, (_, i) => ({
  key: `${P}place-${i}`,
  kind: "Place",
  name: `Correction Place ${i}`,
}));

const INGEST = `mutation ($d: JSONObject!, $s: String) { ingestDocument(document: $d, supersedes: $s) {
  __typename ... on ValidationError { problems { path message } } } }`;
const DELETE = `mutation ($k: String!) { deleteEntity(key: $k) {
  __typename ... on ValidationError { problems { path message } } } }`;
const RETRACT = `mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) {
  __typename ... on ValidationError { problems { path message } } } }`;

/** A version of the article: a source of its own making claims on every one of the places. */
const version = (key: string) => ({
  source: {
    key,
    name: `Correction ${key}`,
    properties: { title: key, publisher: "Corrections", publishedAt: "2024-01-02", text: key },
  },
  entities: PLACES,
});

/**
 * Draws below n from the project's seeded generator (mulberry32, src/generate/documents.ts), so
 * every run sends the same writes: its 32-bit output, scaled back to the integer, modulo n.
 */
function generator(seed: number) {
  const next = mulberry32(seed);
  return (n: number) => (next() * 4_294_967_296) % n;
}

/**
 * Ten clients send WRITES writes between them on versions of the article keyed `prefix`v0, v1 ...
 * (`first` of them ingested before): each a supersede of a stored version by a fresh one, a
 * retraction or a restore, or (with `deletes`) a delete of a stored version, drawn by a seeded
 * generator. The versions made, every answer with its write, and every error with its write.
 */
async function correct(prefix: string, first: number, seed: number, deletes: boolean) {
  const send = (query: string, variables: Record<string, unknown>) =>
    post(server, { query, variables }, { authorization: server.authorization });
  const made: string[] = [];
  for (let i = 0; i < first; i++) {
    const r = await send(INGEST, { d: version(`${prefix}v${i}`) });
    expect(r.body.data?.ingestDocument?.__typename, JSON.stringify(r.body)).toBe(
      "IngestDocumentSuccess",
    );
    made.push(`${prefix}v${i}`);
  }
  const random = generator(seed);
  const answers: Array<{ write: string; answer: Answer }> = [];
  let next = first;
  let sent = 0;
  const one = async () => {
    const what = random(deletes ? 4 : 3);
    const key = made[random(made.length)] as string;
    if (what === 0) {
      const fresh = `${prefix}v${next++}`;
      const answer = await send(INGEST, { d: version(fresh), s: key });
      if (answer.body.data?.ingestDocument?.__typename === "IngestDocumentSuccess")
        made.push(fresh);
      answers.push({ write: `supersede ${key} by ${fresh}`, answer });
    } else if (what === 3) {
      answers.push({ write: `delete ${key}`, answer: await send(DELETE, { k: key }) });
    } else {
      const answer = await send(RETRACT, { k: key, r: what === 1 });
      answers.push({ write: `${what === 1 ? "retract" : "restore"} ${key}`, answer });
    }
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (sent < WRITES) {
        sent++;
        await one();
      }
    }),
  );
  expect(answers).toHaveLength(WRITES);
  const failed = answers
    .filter(({ answer }) => answer.status !== 200 || answer.body.errors)
    .map(({ write, answer }) => `${write}: ${answer.body.errors?.[0]?.extensions?.code}`);
  return { made, answers, failed };
}

describe("ten clients superseding, retracting and restoring sources on the same entities", () => {
  it("every write answers with success or a refusal by the schema, and the claims agree with the sources", async () => {
    const { made, answers, failed } = await correct(P, 3, 7, false);
    // Every error, with the write that got it: none (12 of these 120 answered SERVICE_UNAVAILABLE,
    // having deadlocked each time they were tried, before writes took their locks in key order).
    expect(failed).toEqual([]);
    // Every key a write names is a stored source, so the schema refuses none of them either.
    const typenames = new Set(
      answers.map(
        ({ answer }) =>
          (answer.body.data.ingestDocument ?? answer.body.data.retractSource).__typename as string,
      ),
    );
    expect([...typenames].sort()).toEqual(["IngestDocumentSuccess", "RetractSourceSuccess"]);

    // Each place holds one claim of every version written, ranked DEPRECATED exactly when its
    // source is retracted, and is labelled as holding retracted claims exactly when one is.
    const sources = await cypher(
      db,
      "MATCH (s:Source) WHERE s.key STARTS WITH $p RETURN s.key AS key, coalesce(s.retracted, false) AS retracted",
      { p: P },
    );
    const retracted = new Map(sources.map((s) => [s.key as string, s.retracted as boolean]));
    expect([...retracted.keys()].sort()).toEqual([...made].sort());
    const places = await cypher(
      db,
      `MATCH (n:Entity) WHERE n.key STARTS WITH $p AND n:Place
       RETURN n.key AS key, n.claimSources AS sources, n.claimRanks AS ranks,
              n:${RETRACTED_CLAIMS_LABEL} AS labelled`,
      { p: P },
    );
    expect(places).toHaveLength(PLACES.length);
    for (const place of places) {
      const claimed = place.sources as string[];
      expect([...claimed].sort(), place.key as string).toEqual([...made].sort());
      const expected = claimed.map((s) => (retracted.get(s) ? "DEPRECATED" : "NORMAL"));
      expect(place.ranks, place.key as string).toEqual(expected);
      expect(place.labelled, place.key as string).toBe(expected.includes("DEPRECATED"));
    }
  }, 120_000);

  it("deleting sources among the retractions and corrections on the same entities starves no write", async () => {
    const D = `${P}d-`;
    const { failed } = await correct(D, 6, 11, true);
    // A write on a source deleted meanwhile may be refused by the schema; none may fail (before
    // deletes locked what they strip first, 7 of these 120 failed: 6 INTERNAL_SERVER_ERROR,
    // "Collections containing null values can not be stored in properties", and 1
    // SERVICE_UNAVAILABLE), and nothing unexpected is logged.
    expect(failed).toEqual([]);
    expect(errorLines(server)).toEqual([]);
    // What is left agrees with the sources left: every claim on a place is a stored source's.
    const sources = new Set(
      (
        await cypher(db, "MATCH (s:Source) WHERE s.key STARTS WITH $p RETURN s.key AS key", {
          p: D,
        })
      ).map((r) => r.key as string),
    );
    const places = await cypher(
      db,
      "MATCH (n:Entity) WHERE n.key STARTS WITH $p AND n:Place RETURN n.key AS key, n.claimSources AS sources",
      { p: P },
    );
    for (const place of places)
      for (const s of place.sources as string[])
        if (s.startsWith(D)) expect(sources.has(s), `${place.key} claims ${s}`).toBe(true);
  }, 120_000);
});
