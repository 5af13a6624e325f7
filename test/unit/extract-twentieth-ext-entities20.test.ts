/**
 * The twentieth pass (ext-entities20): entities a reader records that the extractor never found.
 * Each rule is written for a construction: a case it must find and a look-alike it must not.
 * Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: places listed with a town the text places", () => {
  it("'visited Evenes and Narvik, Norway': the unknown first member is a place in Norway", async () => {
    const text = "General Anna Berg visited Evenes and Narvik, Norway on Monday.";
    expect(await entities(text, on)).toContain("Place evenes");
    expect(await facts(text, on)).toContain("evenes LOCATED_IN norway (inferred)");
  });

  it("'camps at Chimoio, Mavalane and Katembe': every member of the list is a place", async () => {
    const found = await entities(
      "The EU mission in Mozambique runs three camps at Chimoio, Mavalane and Katembe.",
      on,
    );
    expect(found).toContain("Place mavalane");
    expect(found).toContain("Place katembe");
  });

  it("'in Tartu, Võru and Põlva counties': each member is named as a county", async () => {
    const text = "The drills take place in Tartu, Võru and Põlva counties in Estonia.";
    expect(await entities(text, on)).toContain("Place voru-county");
    expect(await facts(text, on)).toContain("polva-county LOCATED_IN estonia (inferred)");
  });

  it("not a person after 'and', a comma's apposition or a list of no place", async () => {
    const found = await entities(
      "Berg visited Tapa and Jane Doe thanked the troops. She was in Tapa, Smith said. The talks in Tallinn and Monday's vote mattered.",
      on,
    );
    expect(found).not.toContain("Place jane-doe");
    expect(found).not.toContain("Place smith");
    expect(found.some((e) => e.startsWith("Place") && /monday/.test(e))).toBe(false);
  });
});

describe("extract: units named by arm and head with a name of their own", () => {
  it("'Mechanized Infantry Brigade Iron Wolf' is the unit, and 'the Iron Wolf Brigade' later is it too", async () => {
    const r = await draft(
      "The Mechanized Infantry Brigade Iron Wolf started a drill on Monday. Troops of the Iron Wolf Brigade trained near Rukla, Lithuania.",
      on,
    );
    const unit = r.document.entities.find((e) => e.key === "mechanized-infantry-brigade-iron-wolf");
    expect(unit?.kind).toBe("Organization");
    expect(unit?.aliases).toContain("Iron Wolf Brigade");
    expect(r.document.entities.some((e) => e.kind === "Event" && /iron-wolf/.test(e.key))).toBe(
      false,
    );
  });

  it("'Motorised Infantry Brigade Žemaitija', 'Algirdas Mechanized Infantry Battalion'", async () => {
    const found = await entities(
      "The Motorised Infantry Brigade Žemaitija and the Algirdas Mechanized Infantry Battalion trained together in May.",
      on,
    );
    expect(found).toContain("Organization motorised-infantry-brigade-zemaitija");
    expect(found).toContain("Organization algirdas-mechanized-infantry-battalion");
  });

  it("an exercise named like a unit stays the exercise where no unit head is beside it", async () => {
    const found = await entities("Troops from nine allies joined Iron Wolf 2024 in Lithuania.", on);
    expect(found.some((e) => e.startsWith("Event iron-wolf"))).toBe(true);
  });

  it("not a title, a nation or a people after or before the head", async () => {
    const found = await entities(
      "The Mechanized Infantry Brigade Commander Colonel Jonas Petraitis spoke. The Infantry Brigade Latvia trained. The Lithuanian Mechanized Infantry Battalion arrived.",
      on,
    );
    expect(found.some((e) => /brigade-commander|brigade-latvia/.test(e))).toBe(false);
    expect(found).toContain("Person jonas-petraitis");
    expect(found).toContain("Nation latvia");
  });
});

describe("extract: British corps and regiments, and the US marines' corps", () => {
  it("'the Royal Artillery and the Royal Engineers' are units; 'Field Artillery and Army Engineers' are none", async () => {
    const found = await entities(
      "Gunners from the Royal Artillery and sappers of the Royal Engineers arrived in Estonia. Field Artillery and Army Engineers are arms of every army.",
      on,
    );
    expect(found).toContain("Organization royal-artillery");
    expect(found).toContain("Organization royal-engineers");
    expect(found.some((e) => /field-artillery|army-engineers/.test(e))).toBe(false);
  });

  it("'the 1st Battalion Royal Regiment of Fusiliers': the regiment's 'of' is in its name, a nation after it is not", async () => {
    const found = await entities(
      "The 1st Battalion Royal Regiment of Fusiliers is based at Tapa. The 2nd Regiment of Latvia trained too.",
      on,
    );
    expect(found).toContain("Organization 1st-battalion-royal-regiment-of-fusiliers");
    expect(found).not.toContain("Organization 2nd-regiment-of-latvia");
    expect(found).toContain("Nation latvia");
  });

  it("'four U.S. Marines' are of the US Marine Corps; 'Dutch marines' name no corps", async () => {
    const r = await draft(
      "Four U.S. Marines died in the crash. Dutch Marines joined the drill in Norway.",
      on,
    );
    const corps = r.document.entities.find((e) => e.key === "us-marine-corps");
    expect(corps?.kind).toBe("Organization");
    expect(r.document.entities.some((e) => /dutch-marine/.test(e.key))).toBe(false);
  });
});

describe("extract: a body whose acronym spells a longer name than a body inside it", () => {
  it("'the European Union Military Committee (EUMC)' is the committee, and 'the EUMC' later", async () => {
    const r = await draft(
      "The chair of the European Union Military Committee (EUMC) visited Mozambique. The EUMC meets in Brussels.",
      on,
    );
    const committee = r.document.entities.find(
      (e) => e.key === "european-union-military-committee",
    );
    expect(committee?.kind).toBe("Organization");
    expect(committee?.aliases).toContain("EUMC");
  });

  it("'the U.S. Army Security Assistance Command (USASAC)': 'U.S.' spells two letters", async () => {
    const found = await entities(
      "Brig. Gen. Anna Berg, commanding general of the U.S. Army Security Assistance Command (USASAC), visited Tapa.",
      on,
    );
    expect(found).toContain("Organization us-army-security-assistance-command");
    expect(found).not.toContain("Organization us-army");
  });

  it("a body the acronym does not spell, or a name with no body's head, stays as found", async () => {
    const found = await entities(
      "The European Union (EU) agreed. Officers of the US Army (USA) met. The Canadian Armed Forces (CAF) sent troops.",
      on,
    );
    expect(found).toContain("Organization european-union");
    expect(found).toContain("Organization canadian-armed-forces");
  });
});

describe("extract: people with a joined particle, and the other side of a meeting", () => {
  it("'Foreign Minister Ibrahim al-Jaafari': the particle joined by a hyphen is in the name", async () => {
    const found = await entities(
      "Iraqi Foreign Minister Ibrahim al-Jaafari spoke in Baghdad on Monday.",
      on,
    );
    expect(found).toContain("Person ibrahim-al-jaafari");
    expect(found).not.toContain("Person ibrahim");
  });

  it("'met Annegret Kramp-Karrenbauer', 'held talks with Kaja Kallas': the one met is a person", async () => {
    const found = await entities(
      "The minister met Annegret Kramp-Karrenbauer in Berlin. Akar held talks with Kaja Kallas on Friday.",
      on,
    );
    expect(found).toContain("Person annegret-kramp-karrenbauer");
    expect(found).toContain("Person kaja-kallas");
  });

  it("not a group in the plural, a body or an exercise after 'met'", async () => {
    const found = await entities(
      "Stoltenberg met Allied Commanders in Mons. The general met Polish Land Forces commanders. The al-Qaeda group was named.",
      on,
    );
    expect(found.some((e) => e.startsWith("Person allied"))).toBe(false);
    expect(found.some((e) => e.startsWith("Person polish"))).toBe(false);
    expect(found).toContain("Organization polish-land-forces");
  });
});

describe("extract: an incident named by its date and kind", () => {
  it("'the March 18 crash of a U.S. MV-22B Osprey' is an event; the nation in it stays", async () => {
    const r = await draft(
      "The visit followed the March 18 crash of a U.S. MV-22B Osprey that killed four Marines.",
      on,
    );
    const crash = r.document.entities.find((e) => e.kind === "Event" && /^crash-of/.test(e.key));
    expect(crash?.name).toBe("Crash of a U.S. MV-22B Osprey");
    expect(r.document.entities.some((e) => e.key === "united-states")).toBe(true);
  });

  it("'The 3 May explosion at the depot' too, its verb left out of the name", async () => {
    const found = await entities(
      "The 3 May explosion at the Vrbetice depot was blamed on Russia.",
      on,
    );
    expect(found).toContain("Event explosion-at-the-vrbetice-depot");
  });

  it("no event where no date names it: 'a crash of a jet', 'the attack on NATO'", async () => {
    const found = await entities(
      "A crash of a jet was reported. The attack on NATO was condemned by Latvia.",
      on,
    );
    expect(found.some((e) => e.startsWith("Event"))).toBe(false);
  });
});

describe("extract: an agency whose name joins two words by 'and'", () => {
  it("'the NATO Support and Procurement Agency' is one body, not 'Procurement Agency'", async () => {
    const found = await entities(
      "The NATO Support and Procurement Agency signed a contract with Latvia. The NATO Communications and Information Agency hosted the talks.",
      on,
    );
    expect(found).toContain("Organization nato-support-and-procurement-agency");
    expect(found).toContain("Organization nato-communications-and-information-agency");
    expect(found).not.toContain("Organization information-agency");
  });

  it("not two bodies or an office joined by 'and'", async () => {
    const found = await entities(
      "The European Union and Defence Agency officials met. NATO Secretary General and Allied Command chiefs met in Mons.",
      on,
    );
    expect(found.some((e) => /and-defence-agency|general-and-allied/.test(e))).toBe(false);
    expect(found).toContain("Organization european-union");
  });
});

describe("extract: a mission named before a lower-case 'mission', and a named task group", () => {
  it("'NATO's Enhanced Vigilance Activities mission', 'the Baltic Sentry operation'", async () => {
    const found = await entities(
      "Portugal sends troops to NATO's Enhanced Vigilance Activities mission in Romania. Estonia joined the Baltic Sentry operation.",
      on,
    );
    expect(found).toContain("Mission enhanced-vigilance-activities");
    expect(found).toContain("Mission baltic-sentry");
  });

  it("'a so-called Mine Countermeasure Task Group' is a mission", async () => {
    const found = await entities(
      "The Ukrainian minehunters belong to a so-called Mine Countermeasure Task Group.",
      on,
    );
    expect(found).toContain("Mission mine-countermeasure-task-group");
  });

  it("not a people, a body or a day before 'mission'", async () => {
    const found = await entities(
      "The Latvian mission ended. The NATO mission in Kosovo continues. Poland joined the Monday Morning operation.",
      on,
    );
    expect(
      found.some((e) => e.startsWith("Mission") && /latvian|monday|nato-mission/.test(e)),
    ).toBe(false);
  });
});

describe("extract: a ministry 'of' its nation, and the bare ministry later", () => {
  it("'the Ministry of National Defence of Lithuania' is Lithuania's, named with its demonym", async () => {
    const r = await draft("The Ministry of National Defence of Lithuania said so on Monday.", on);
    const ministry = r.document.entities.find(
      (e) => e.key === "lithuanian-ministry-of-national-defence",
    );
    expect(ministry?.kind).toBe("Organization");
    expect(r.document.entities.some((e) => e.key === "lithuania")).toBe(true);
  });

  it("a later bare 'the Ministry of Defence' is the one nation's ministry the text names", async () => {
    const found = await entities(
      "The Latvian Ministry of Defence agreed. The Ministry of Defence said later that 100 troops would go.",
      on,
    );
    expect(found).toContain("Organization latvian-ministry-of-defence");
    expect(found).not.toContain("Organization ministry-of-defence");
  });

  it("with two nations' ministries, the bare one stays bare", async () => {
    const found = await entities(
      "The Latvian Ministry of Defence and the Estonian Ministry of Defence agreed. The Ministry of Defence said later that 100 troops would go.",
      on,
    );
    expect(found).toContain("Organization ministry-of-defence");
  });
});
