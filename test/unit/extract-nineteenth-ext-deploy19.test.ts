/**
 * The nineteenth pass (ext-deploy19): who takes part in an exercise, who hosts it and where it is
 * held, told by constructions the drafts missed; rotations of a presence; an alliance told by who
 * formed it. Sentences are written for the test; each rule has cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

const has = (f: string[], re: RegExp) => f.some((x) => re.test(x));

describe("extract: who takes part in an exercise", () => {
  it("forces 'provided by' a list, in the sentence after the exercise's", async () => {
    const f = await facts(
      "Exercise Northern Shield begins in Norway next week. Infantry companies will be provided by Denmark, Iceland and the Netherlands.",
    );
    for (const n of ["denmark", "iceland", "netherlands"])
      expect(f).toContain(`${n} PARTICIPATED_IN exercise-northern-shield`);
  });

  it("not forces supplied by a nation sentences after the exercise, for something else", async () => {
    const f = await facts(
      "Exercise Northern Shield began in Norway on Monday. It lasts ten days. Officials praised the weather. Troops for the battle group in Lithuania will be supplied by Belgium.",
    );
    expect(has(f, /^belgium PARTICIPATED_IN/)).toBe(false);
  });

  it("aircrews from a list, 'as well as partner nations' joined to it", async () => {
    const f = await facts(
      "During Exercise Baltic Hammer, aircrews from Italy and Portugal, as well as partner nations Sweden and Finland, trained over the sea.",
    );
    for (const n of ["italy", "portugal", "sweden", "finland"])
      expect(f).toContain(`${n} PARTICIPATED_IN exercise-baltic-hammer`);
  });

  it("'as well as non-NATO members A and B': the alliance inside 'non-NATO' does not end the list", async () => {
    const f = await facts(
      "During Exercise Baltic Hammer, crews from Denmark and Norway, as well as non-NATO members Austria and Ireland, flew over the sea.",
    );
    for (const n of ["denmark", "norway", "austria", "ireland"])
      expect(f).toContain(`${n} PARTICIPATED_IN exercise-baltic-hammer`);
    expect(has(f, /^(?:austria|ireland) MEMBER_OF nato/)).toBe(false);
  });

  it("'brought together Finland, Sweden and Norway': each takes part; a summit's leaders in a town do not make it a participant", async () => {
    const f = await facts("The exercise Steel Arrow brought together Finland, Sweden and Norway.");
    for (const n of ["finland", "sweden", "norway"])
      expect(has(f, new RegExp(`^${n} PARTICIPATED_IN \\S*steel-arrow`))).toBe(true);
    const g = await facts(
      "Exercise Steel Arrow began in May. The summit brought together leaders in Vilnius.",
    );
    expect(has(g, /PARTICIPATED_IN \S*steel-arrow/)).toBe(false);
  });

  it("'during the drills' after a sentence naming two exercises: the one named last", async () => {
    const f = await facts(
      "Exercise Spring Lance follows Exercise Polar Hawk, held last month. During the drills, jets from Canada and Norway practised intercepts.",
    );
    expect(f).toContain("canada PARTICIPATED_IN exercise-polar-hawk");
    expect(has(f, /^canada PARTICIPATED_IN exercise-spring-lance/)).toBe(false);
  });

  it("a nation's forces the exercise features: 'will feature Greek F-16 jets'", async () => {
    const f = await facts(
      "Exercise Iron Gate opened in Romania. The annual exercise will feature Greek F-16 jets and Turkish marines.",
    );
    expect(f).toContain("greece PARTICIPATED_IN exercise-iron-gate");
    expect(has(f, /^turk\w* PARTICIPATED_IN exercise-iron-gate/)).toBe(true);
  });

  it("a nation named by where the exercise is, not by its forces, does not take part", async () => {
    const f = await facts(
      "Exercise Iron Gate opened in Romania. The annual exercise will include live firing near the Russian border.",
    );
    expect(has(f, /^russia PARTICIPATED_IN/)).toBe(false);
  });

  it("two exercises of one list: the subject takes part in both, not the partner after 'with'", async () => {
    const f = await facts(
      "Norwegian soldiers will train with Latvian infantry and take part in Exercise Cold Lance and Exercise Arctic Hammer.",
    );
    expect(f).toContain("norway PARTICIPATED_IN exercise-cold-lance");
    expect(f).toContain("norway PARTICIPATED_IN exercise-arctic-hammer");
    expect(has(f, /^latvia PARTICIPATED_IN/)).toBe(false);
  });
});

describe("extract: who hosts an exercise and where it is held", () => {
  it("a nation's own drills, 'dubbed' a name: the exercise is found, the nation hosts it", async () => {
    const f = await facts(
      "Troops from six allies will join Lithuania's largest annual drills, dubbed Iron Spear.",
    );
    expect(f).toContain("lithuania HOSTS iron-spear (inferred)");
    expect(f).toContain("lithuania PARTICIPATED_IN iron-spear (inferred)");
  });

  it("a nation's allies joining an exercise do not make the nation its host", async () => {
    const f = await facts("Estonia's allies joined the exercise Frost Line 2024 in May.");
    expect(has(f, /^estonia HOSTS/)).toBe(false);
  });

  it("'The drills will take place in A and B in eastern C': placed there, C hosts it", async () => {
    const f = await facts(
      "Exercise Frost Line begins on Monday. The drills will take place in Tartu and Narva in eastern Estonia, and troops from Latvia will join later.",
    );
    expect(f).toContain("exercise-frost-line LOCATED_IN tartu");
    expect(f).toContain("exercise-frost-line LOCATED_IN estonia");
    expect(f).toContain("estonia HOSTS exercise-frost-line (inferred)");
    expect(has(f, /LOCATED_IN latvia/)).toBe(false);
  });

  it("drills 'near the border with Russia' are not placed in Russia", async () => {
    const f = await facts(
      "Exercise Frost Line begins on Monday. The drills will take place near the border with Russia.",
    );
    expect(has(f, /^exercise-frost-line LOCATED_IN/)).toBe(false);
    expect(has(f, /^russia HOSTS/)).toBe(false);
  });

  it("a sentence opening 'In Bulgaria,' on troops taking part: the exercise is there", async () => {
    const f = await facts(
      "In Bulgaria, 2,000 troops will take part in Exercise Shield Wall this week.",
    );
    expect(f).toContain("exercise-shield-wall LOCATED_IN bulgaria");
    expect(f).toContain("bulgaria HOSTS exercise-shield-wall (inferred)");
  });

  it("a sentence opening 'In Brussels,' where the exercise is only discussed: not placed", async () => {
    const f = await facts("In Brussels, ministers discussed Exercise Shield Wall.");
    expect(has(f, /^exercise-shield-wall LOCATED_IN/)).toBe(false);
  });
});

describe("extract: rotations of a presence", () => {
  it("'the rotational presence of X in P': a mission X contributes to, deployed to P", async () => {
    const f = await facts(
      "Ministers agreed on the rotational military presence of the Visegrad Group in the Baltic region.",
    );
    expect(has(f, /^visegrad-group CONTRIBUTES_TO .*rotational-presence/)).toBe(true);
    expect(has(f, /rotational-presence\S* DEPLOYED_TO baltic-region/)).toBe(true);
  });

  it("NATO's own rotational presence is part of NATO, not a contribution to it", async () => {
    const f = await facts("The rotational presence of NATO troops in Poland began in 2017.");
    expect(f).toContain("nato-rotational-presence-in-poland PART_OF nato");
    expect(f).toContain("poland HOSTS nato-rotational-presence-in-poland (inferred)");
    expect(has(f, /^nato CONTRIBUTES_TO/)).toBe(false);
  });

  it("'Czech troops deployed to Lithuania, a Dutch rotation in Lithuania' in a sentence naming the mission", async () => {
    const f = await facts(
      "Under the plan for the NATO battle group in Lithuania, Czech troops deployed to Lithuania in January and a Dutch rotation in Lithuania follows.",
    );
    expect(f).toContain("czechia CONTRIBUTES_TO nato-battle-group-in-lithuania");
    expect(f).toContain("netherlands CONTRIBUTES_TO nato-battle-group-in-lithuania");
  });

  it("a rotation after the article's one mission: contributes, inferred", async () => {
    const f = await facts(
      "The Spanish contingent in Latvia is part of the NATO battle group in Latvia. A Slovak rotation in Latvia began in July.",
    );
    expect(has(f, /^slovakia CONTRIBUTES_TO \S+ \(inferred\)$/)).toBe(true);
  });

  it("'Poland's contingent in Latvia', 'Denmark rotated its company into Latvia': contributions to the article's mission", async () => {
    const f = await facts(
      "Spain leads the NATO battle group in Latvia. Poland's contingent in Latvia numbers 150 troops. Denmark rotated its company into Latvia in May.",
    );
    expect(has(f, /^poland CONTRIBUTES_TO \S+ \(inferred\)$/)).toBe(true);
    expect(has(f, /^denmark CONTRIBUTES_TO \S+ \(inferred\)$/)).toBe(true);
  });

  it("a nation's own army at home is no contingent", async () => {
    const f = await facts(
      "Spain leads the NATO battle group in Latvia. Poland's army in Poland numbers 150,000 troops.",
    );
    expect(has(f, /^poland CONTRIBUTES_TO/)).toBe(false);
  });

  it("soldiers of a unit arriving in the mission's nation contribute to it; arriving elsewhere, not", async () => {
    const there = await facts(
      "Spain leads the NATO battle group in Latvia. Soldiers of the Royal Welsh battalion arrived in Latvia on Monday.",
    );
    expect(has(there, /^royal-welsh-battalion CONTRIBUTES_TO \S+ \(inferred\)$/)).toBe(true);
    const elsewhere = await facts(
      "Spain leads the NATO battle group in Latvia. Soldiers of the Royal Welsh battalion arrived in Estonia on Monday.",
    );
    expect(has(elsewhere, /^royal-welsh-battalion CONTRIBUTES_TO/)).toBe(false);
    expect(has(elsewhere, /DEPLOYED_TO estonia/)).toBe(false);
  });

  it("a rotation in an article with no mission contributes to nothing", async () => {
    const f = await facts("A Hungarian rotation in Estonia began in July.");
    expect(has(f, /CONTRIBUTES_TO/)).toBe(false);
  });

  it("troops deployed to a nation the mission's name does not place it in: not deployed there", async () => {
    const f = await facts(
      "Under the plan for the NATO battle group in Lithuania, Belgian troops deployed to Poland in January.",
    );
    expect(has(f, /DEPLOYED_TO poland/)).toBe(false);
    expect(has(f, /^poland HOSTS/)).toBe(false);
  });
});

describe("extract: the air policing of named nations", () => {
  it("'the allied mission protecting the skies of' the Baltic states is the Baltic Air Policing", async () => {
    const f = await facts(
      "Portugal will join the allied mission protecting the skies of Estonia, Latvia and Lithuania next year.",
    );
    expect(f).toContain("portugal CONTRIBUTES_TO baltic-air-policing");
    for (const n of ["estonia", "latvia", "lithuania"])
      expect(f).toContain(`baltic-air-policing DEPLOYED_TO ${n}`);
  });

  it("'the air policing of A and B, under the Baltic Air Policing mission': that mission, not the other named", async () => {
    const f = await facts(
      "Alongside the Icelandic air policing mission, allies took over the air policing of Estonia and Latvia, under the Baltic Air Policing mission.",
    );
    expect(f).toContain("baltic-air-policing DEPLOYED_TO estonia");
    expect(f).toContain("latvia HOSTS baltic-air-policing (inferred)");
    expect(has(f, /^icelandic-air-policing DEPLOYED_TO (?:estonia|latvia)/)).toBe(false);
  });

  it("an airspace violated is not an airspace policed", async () => {
    const f = await facts(
      "The Baltic Air Policing mission scrambled jets after Russian aircraft violated the airspace of Finland.",
    );
    expect(has(f, /DEPLOYED_TO finland|^finland HOSTS/)).toBe(false);
  });
});

describe("extract: an alliance told by who formed it", () => {
  it("'an alliance formed by A, B, C and D': each is a member", async () => {
    const f = await facts(
      "The Visegrad Group is an alliance formed by the Czech Republic, Poland, Slovakia and Hungary.",
    );
    for (const n of ["czechia", "poland", "slovakia", "hungary"])
      expect(f).toContain(`${n} MEMBER_OF visegrad-group`);
  });

  it("'formed in 1991, and Austria is not in it': no member", async () => {
    const f = await facts(
      "The Visegrad Group is an alliance formed in 1991, and Austria is not in it.",
    );
    expect(has(f, /MEMBER_OF visegrad-group/)).toBe(false);
  });
});
