/**
 * Session 29 (extwild29): the recurring classes extwild28 saw and left. Each rule is checked with
 * sentences written for the test: the construction that went wrong, and its look-alike.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

const on = "2021-09-14";
const offices = (found: string[]) => found.filter((f) => / (?:LEADS|SERVES_IN) /.test(f)).sort();

describe('extract: an office "of" a body written before the name', () => {
  it('"Deputy Secretary General of NATO X": X serves in NATO; "the Secretary General of NATO Y" leads it', async () => {
    const found = await facts(
      "Deputy Secretary General of NATO Radmila Shekerinska opened the forum in Skopje. The Secretary General of NATO Mark Rutte spoke after her.",
      on,
    );
    expect(offices(found)).toEqual(["mark-rutte LEADS nato", "radmila-shekerinska SERVES_IN nato"]);
  });

  it('"Chief of Defence of Denmark General X": the office, not the rank, is the role', async () => {
    const r = await facts(
      "Chief of Defence of Denmark General Flemming Lentfer inspected the frigate in Aarhus.",
      on,
    );
    expect(offices(r)).toEqual(["flemming-lentfer LEADS denmark"]);
  });

  it("a body that only stands before a name, with no office before it, gives no office", async () => {
    const found = await facts(
      "Soldiers of the Danish Army Sergeant Anna Holm and Corporal Lars Berg arrived in Tapa.",
      on,
    );
    expect(found.filter((f) => / LEADS /.test(f))).toEqual([]);
  });
});

describe('extract: a place no list knows between an office\'s "of" and the name', () => {
  it('"the Governor of Guria X Y", "Head of the Regional Government of Samegrelo X Y": the person is the last two words', async () => {
    const people = (
      await entities(
        "The Governor of Guria Levan Tsetskhladze greeted the crews. On Tuesday the Head of the Regional Government of Samegrelo Giorgi Kapanadze visited the ships.",
        on,
      )
    ).filter((e) => e.startsWith("Person"));
    expect(people.sort()).toEqual(["Person giorgi-kapanadze", "Person levan-tsetskhladze"]);
  });
});

describe("extract: Commander before a name in a navy is the rank", () => {
  it('"Royal Danish Navy Commander X": X serves in the navy, leads nothing', async () => {
    const found = await facts(
      "Royal Danish Navy Commander Peter Hansen took the minehunter into Aarhus on Friday.",
      on,
    );
    expect(offices(found)).toEqual(["peter-hansen SERVES_IN royal-danish-navy"]);
  });

  it('the office with a rank after it ("Navy Commander Rear Admiral X"), "Commander of the Navy X" and "Army Commander X" lead', async () => {
    const found = await facts(
      "Royal Danish Navy Commander Rear Admiral Torben Mikkelsen spoke first. Commander of the Polish Navy Jan Nowak spoke next. Lithuanian Army Commander Jonas Petraitis closed the meeting.",
      on,
    );
    expect(offices(found)).toEqual([
      "jan-nowak LEADS polish-navy",
      "jonas-petraitis LEADS lithuanian-army",
      "torben-mikkelsen LEADS royal-danish-navy",
    ]);
  });
});

describe("extract: a naval group's port call deploys it to the port", () => {
  it('"arrived in X for a port call", "made a port visit to Y", "the ships visited the port of Z"', async () => {
    const found = await facts(
      "Standing NATO Maritime Group Two (SNMG2) arrived in Constanta for a scheduled port call on Thursday. Three weeks later the group made a port visit to Varna. Its ships then visited the port of Thessaloniki.",
      on,
    );
    expect(found.filter((f) => / DEPLOYED_TO /.test(f)).sort()).toEqual([
      "standing-nato-maritime-group-2 DEPLOYED_TO constanta",
      "standing-nato-maritime-group-2 DEPLOYED_TO thessaloniki (inferred)",
      "standing-nato-maritime-group-2 DEPLOYED_TO varna",
    ]);
  });

  it("a person's visit to a port, and a port merely named, deploy no group", async () => {
    const found = await facts(
      "Standing NATO Maritime Group Two (SNMG2) sailed from Piraeus. The mayor Anna Petrova visited the port of Varna on Monday. The port of Constanta is busy.",
      on,
    );
    expect(found.filter((f) => / DEPLOYED_TO /.test(f))).toEqual([]);
  });
});
