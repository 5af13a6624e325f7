/**
 * What the server's log says when requests find the database gone and back (reportReachability):
 * one warning when it goes, again at most once a minute while it stays away, and one line when
 * it answers again.
 */
import { describe, expect, it } from "vitest";
import { reportReachability } from "../../src/db/database.js";

describe("reportReachability", () => {
  it("warns once when the database goes, again each minute it stays away, and says when it is back", () => {
    let t = 1_000_000;
    const lost: string[] = [];
    const regained: string[] = [];
    const health = reportReachability(
      '"bolt://***@db:7687"',
      {
        lost: (m) => lost.push(m),
        regained: (m) => regained.push(m),
      },
      () => t,
    );
    health.answered();
    expect([lost, regained]).toEqual([[], []]);
    health.unreachable("connect ECONNREFUSED 10.0.0.5:7687");
    t += 5_000;
    health.unreachable("connect ECONNREFUSED 10.0.0.5:7687");
    expect(lost).toEqual([
      'Neo4j at "bolt://***@db:7687" does not answer (connect ECONNREFUSED 10.0.0.5:7687); requests are answered SERVICE_UNAVAILABLE until it does.',
    ]);
    t += 60_000;
    health.unreachable("connect ECONNREFUSED 10.0.0.5:7687");
    expect(lost).toHaveLength(2);
    expect(lost[1]).toContain("does not answer for 65 s");
    t += 10_000;
    health.answered();
    health.answered();
    expect(regained).toEqual([
      'Neo4j at "bolt://***@db:7687" answers again (unreachable for about 75 s).',
    ]);
    // A new outage is reported at once.
    health.unreachable("Pool is closed");
    expect(lost).toHaveLength(3);
  });
});
