import { describe, expect, it } from "vitest";
import { legacyEntityClaims } from "../../src/data/claims.js";
import {
  decodeEntityClaims,
  encodeEntityClaims,
  entityClaim,
  fieldClaims,
  mergeEntityClaim,
  planEntityClaim,
  settledFields,
  statedValues,
} from "../../src/domain/entity-claims.js";

const seed = entityClaim("ctv", "2022-03", { name: "Operation Reassurance", status: "RENEWED" });
const older = entityClaim("oc", "2017-06-06", { name: "Operation REASSURANCE", status: "ACTIVE" });
const newer = entityClaim("ca", "2025-01-31", { name: "Operation Reassurance", status: "ACTIVE" });

describe("entity claims", () => {
  it("take each field from the latest claim, whatever the order they arrive in", () => {
    const a = [seed, older, newer].reduce(mergeEntityClaim, []);
    const b = [newer, older, seed].reduce(mergeEntityClaim, []);
    expect(encodeEntityClaims(a)).toEqual(encodeEntityClaims(b));
    expect(settledFields(a, ["name", "status"], "x")).toEqual({
      name: "Operation Reassurance",
      status: "ACTIVE",
    });
    expect(settledFields([seed, older], ["name"], "x")).toEqual({ name: "Operation Reassurance" });
  });

  it("drop a deprecated source's values; a name no claim gives is kept, other fields removed", () => {
    const retracted = { ...newer, rank: "DEPRECATED" as const };
    expect(settledFields([seed, retracted], ["status"], "x")).toEqual({ status: "RENEWED" });
    expect(settledFields([retracted], ["name", "status"], "Kept")).toEqual({
      name: "Kept",
      status: null,
    });
  });

  it("keep one claim per source, and the rank of a source restating its claim", () => {
    const retracted = { ...older, rank: "DEPRECATED" as const };
    const restated = mergeEntityClaim([seed, retracted], { ...older, values: { name: "Op R" } });
    expect(restated).toHaveLength(2);
    expect(restated[0]).toMatchObject({
      sourceKey: "oc",
      rank: "DEPRECATED",
      values: { name: "Op R" },
    });
  });

  it("round-trip through the stored lists, oldest first", () => {
    const undated = entityClaim("", null, { name: "By hand" });
    const stored = encodeEntityClaims([newer, seed, undated]);
    expect(stored.claimSources).toEqual(["", "ctv", "ca"]);
    expect(stored.claimAt).toEqual(["", "2022-03", "2025-01-31"]);
    expect(decodeEntityClaims({ ...stored })).toEqual([undated, seed, newer]);
    expect(decodeEntityClaims({})).toEqual([]);
  });

  it("list the current claim of each field and the fields disputed at the same time", () => {
    const rival = entityClaim("cbc", "2025-01-31", { status: "ENDED" });
    const { claims, disputed } = fieldClaims("Mission", [seed, newer, rival]);
    expect(disputed).toEqual(["status"]);
    // At the same time, the first by source key gives the value.
    expect(claims.filter((c) => c.field === "status" && c.current)).toEqual([
      expect.objectContaining({ sourceKey: "ca", value: "ACTIVE" }),
    ]);
  });

  it("say what a document would change, and what it states that stays outweighed", () => {
    const current = { name: "Operation Reassurance", status: "RENEWED", description: "Kept." };
    const plan = planEntityClaim("Mission", current, [seed], older);
    expect(plan.changed).toEqual([]);
    expect(plan.outweighed).toEqual([
      {
        field: "name",
        stated: "Operation REASSURANCE",
        current: "Operation Reassurance",
        disputed: false,
      },
      { field: "status", stated: "ACTIVE", current: "RENEWED", disputed: false },
    ]);
    expect(plan.kept).toEqual(["description"]);
    expect(planEntityClaim("Mission", current, [seed], newer).changed).toEqual([
      { field: "status", from: "RENEWED", to: "ACTIVE" },
    ]);
  });

  it("state only the fields a document gives", () => {
    expect(
      statedValues("Nation", { name: "Canada", description: null, properties: { isoCode: "CAN" } }),
    ).toEqual({ name: "Canada", isoCode: "CAN" });
  });

  it("convert the previous version's provenance, keeping the current values", () => {
    const claims = legacyEntityClaims(
      "Nation",
      {
        key: "canada",
        name: "Canada",
        isoCode: "CAN",
        description: "New.",
        descriptionSource: "b",
        descriptionPrevious: "Old.",
        descriptionPreviousSource: "a",
        isoCodeSource: "b",
        isoCodePrevious: "CDN",
      },
      new Map([
        ["a", "2019"],
        ["b", "2021"],
      ]),
    );
    expect(encodeEntityClaims(claims)).toEqual(
      encodeEntityClaims([
        entityClaim("", null, { name: "Canada", isoCode: "CDN" }),
        entityClaim("a", "2019", { description: "Old." }),
        entityClaim("b", "2021", { description: "New.", isoCode: "CAN" }),
      ]),
    );
    expect(settledFields(claims, ["name", "description", "isoCode"], "x")).toEqual({
      name: "Canada",
      description: "New.",
      isoCode: "CAN",
    });
  });
});
