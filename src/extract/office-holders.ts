/**
 * Who held which office: heads of state and government, defence and foreign ministers of NATO's
 * members and of the nations defence news most often names beside them (Ukraine, Russia), NATO's
 * Secretaries General and SACEURs, and the EU's leaders, 2014-2026. What any reader of the news
 * knows ("Chancellor Olaf Scholz" is Germany's, "President Macron" is Emmanuel Macron), used only
 * as a prior where the text does not say: whose office a title with no nation is, the full name of
 * a leader the text names by title and surname, and the spelling of a misspelt leader's name.
 *
 * Source: compiled by hand from the public record (the office-holder lists of each government and
 * of NATO, as summarised in Wikipedia's "List of ... ministers of defence" pages), years inclusive;
 * an office still held has no end year. Nations are the gazetteer's keys (world-countries' names).
 * It is deliberately short: a missing holder only means the text must say whose office it is.
 */

/** The kinds of office a title can name. */
export type OfficeKind = "head" | "defence" | "foreign" | "sg" | "saceur" | "eu";

export interface Office {
  /** The person's name as the house style writes it (diacritics kept). */
  name: string;
  /** The nation's or organisation's key ("germany", "nato", "european-union"). */
  of: string;
  kind: OfficeKind;
  from: number;
  /** The last year in office; undefined while held. */
  to?: number;
}

// name | of | kind | from | to ; one line each, grouped by owner.
const TABLE = `
Barack Obama|united-states|head|2009|2017
Donald Trump|united-states|head|2017|2021
Donald Trump|united-states|head|2025
Joe Biden|united-states|head|2021|2025
Chuck Hagel|united-states|defence|2013|2015
Ash Carter|united-states|defence|2015|2017
Jim Mattis|united-states|defence|2017|2019
Mark Esper|united-states|defence|2019|2020
Lloyd Austin|united-states|defence|2021|2025
Pete Hegseth|united-states|defence|2025
John Kerry|united-states|foreign|2013|2017
Rex Tillerson|united-states|foreign|2017|2018
Mike Pompeo|united-states|foreign|2018|2021
Antony Blinken|united-states|foreign|2021|2025
Marco Rubio|united-states|foreign|2025
David Cameron|united-kingdom|head|2010|2016
David Cameron|united-kingdom|foreign|2023|2024
Theresa May|united-kingdom|head|2016|2019
Boris Johnson|united-kingdom|head|2019|2022
Boris Johnson|united-kingdom|foreign|2016|2018
Liz Truss|united-kingdom|head|2022|2022
Liz Truss|united-kingdom|foreign|2021|2022
Rishi Sunak|united-kingdom|head|2022|2024
Keir Starmer|united-kingdom|head|2024
Michael Fallon|united-kingdom|defence|2014|2017
Gavin Williamson|united-kingdom|defence|2017|2019
Penny Mordaunt|united-kingdom|defence|2019|2019
Ben Wallace|united-kingdom|defence|2019|2023
Grant Shapps|united-kingdom|defence|2023|2024
John Healey|united-kingdom|defence|2024
Philip Hammond|united-kingdom|foreign|2014|2016
Jeremy Hunt|united-kingdom|foreign|2018|2019
Dominic Raab|united-kingdom|foreign|2019|2021
James Cleverly|united-kingdom|foreign|2022|2023
David Lammy|united-kingdom|foreign|2024|2025
Yvette Cooper|united-kingdom|foreign|2025
François Hollande|france|head|2012|2017
Emmanuel Macron|france|head|2017
Manuel Valls|france|head|2014|2016
Édouard Philippe|france|head|2017|2020
Jean Castex|france|head|2020|2022
Élisabeth Borne|france|head|2022|2024
Gabriel Attal|france|head|2024|2024
Michel Barnier|france|head|2024|2024
François Bayrou|france|head|2024|2025
Sébastien Lecornu|france|head|2025
Jean-Yves Le Drian|france|defence|2012|2017
Jean-Yves Le Drian|france|foreign|2017|2022
Florence Parly|france|defence|2017|2022
Sébastien Lecornu|france|defence|2022|2025
Catherine Vautrin|france|defence|2025
Laurent Fabius|france|foreign|2012|2016
Jean-Marc Ayrault|france|foreign|2016|2017
Catherine Colonna|france|foreign|2022|2024
Stéphane Séjourné|france|foreign|2024|2024
Jean-Noël Barrot|france|foreign|2024
Angela Merkel|germany|head|2005|2021
Olaf Scholz|germany|head|2021|2025
Friedrich Merz|germany|head|2025
Frank-Walter Steinmeier|germany|head|2017
Frank-Walter Steinmeier|germany|foreign|2013|2017
Ursula von der Leyen|germany|defence|2013|2019
Annegret Kramp-Karrenbauer|germany|defence|2019|2021
Christine Lambrecht|germany|defence|2021|2023
Boris Pistorius|germany|defence|2023
Sigmar Gabriel|germany|foreign|2017|2018
Heiko Maas|germany|foreign|2018|2021
Annalena Baerbock|germany|foreign|2021|2025
Johann Wadephul|germany|foreign|2025
Matteo Renzi|italy|head|2014|2016
Paolo Gentiloni|italy|head|2016|2018
Giuseppe Conte|italy|head|2018|2021
Mario Draghi|italy|head|2021|2022
Giorgia Meloni|italy|head|2022
Sergio Mattarella|italy|head|2015
Roberta Pinotti|italy|defence|2014|2018
Elisabetta Trenta|italy|defence|2018|2019
Lorenzo Guerini|italy|defence|2019|2022
Guido Crosetto|italy|defence|2022
Luigi Di Maio|italy|foreign|2019|2022
Antonio Tajani|italy|foreign|2022
Mariano Rajoy|spain|head|2011|2018
Pedro Sánchez|spain|head|2018
Pedro Morenés|spain|defence|2011|2016
María Dolores de Cospedal|spain|defence|2016|2018
Margarita Robles|spain|defence|2018
José Manuel Albares|spain|foreign|2021
Stephen Harper|canada|head|2006|2015
Justin Trudeau|canada|head|2015|2025
Mark Carney|canada|head|2025
Harjit Sajjan|canada|defence|2015|2021
Anita Anand|canada|defence|2021|2023
Anita Anand|canada|foreign|2025
Bill Blair|canada|defence|2023|2025
David McGuinty|canada|defence|2025
Chrystia Freeland|canada|foreign|2017|2019
Mélanie Joly|canada|foreign|2021|2025
Andrzej Duda|poland|head|2015|2025
Karol Nawrocki|poland|head|2025
Ewa Kopacz|poland|head|2014|2015
Beata Szydło|poland|head|2015|2017
Mateusz Morawiecki|poland|head|2017|2023
Donald Tusk|poland|head|2023
Tomasz Siemoniak|poland|defence|2011|2015
Antoni Macierewicz|poland|defence|2015|2018
Mariusz Błaszczak|poland|defence|2018|2023
Władysław Kosiniak-Kamysz|poland|defence|2023
Witold Waszczykowski|poland|foreign|2015|2018
Jacek Czaputowicz|poland|foreign|2018|2020
Zbigniew Rau|poland|foreign|2020|2023
Radosław Sikorski|poland|foreign|2023
Dick Schoof|netherlands|head|2024|2025
Jeanine Hennis-Plasschaert|netherlands|defence|2012|2017
Ank Bijleveld|netherlands|defence|2017|2021
Kajsa Ollongren|netherlands|defence|2022|2024
Ruben Brekelmans|netherlands|defence|2024
Erna Solberg|norway|head|2013|2021
Jonas Gahr Støre|norway|head|2021
Ine Eriksen Søreide|norway|defence|2013|2017
Ine Eriksen Søreide|norway|foreign|2017|2021
Frank Bakke-Jensen|norway|defence|2017|2021
Odd Roger Enoksen|norway|defence|2021|2022
Bjørn Arild Gram|norway|defence|2022|2024
Tore O. Sandvik|norway|defence|2024
Anniken Huitfeldt|norway|foreign|2021|2023
Espen Barth Eide|norway|foreign|2023
Lars Løkke Rasmussen|denmark|head|2015|2019
Lars Løkke Rasmussen|denmark|foreign|2022
Mette Frederiksen|denmark|head|2019
Trine Bramsen|denmark|defence|2019|2020
Morten Bødskov|denmark|defence|2020|2022
Jakob Ellemann-Jensen|denmark|defence|2022|2023
Troels Lund Poulsen|denmark|defence|2023
Taavi Rõivas|estonia|head|2014|2016
Jüri Ratas|estonia|head|2016|2021
Kaja Kallas|estonia|head|2021|2024
Kristen Michal|estonia|head|2024
Toomas Hendrik Ilves|estonia|head|2006|2016
Kersti Kaljulaid|estonia|head|2016|2021
Alar Karis|estonia|head|2021
Hanno Pevkur|estonia|defence|2016|2017
Hanno Pevkur|estonia|defence|2022
Jüri Luik|estonia|defence|2017|2021
Kalle Laanet|estonia|defence|2021|2022
Margus Tsahkna|estonia|foreign|2023
Laimdota Straujuma|latvia|head|2014|2016
Māris Kučinskis|latvia|head|2016|2019
Krišjānis Kariņš|latvia|head|2019|2023
Krišjānis Kariņš|latvia|foreign|2023|2024
Evika Siliņa|latvia|head|2023
Raimonds Vējonis|latvia|head|2015|2019
Egils Levits|latvia|head|2019|2023
Edgars Rinkēvičs|latvia|head|2023
Edgars Rinkēvičs|latvia|foreign|2011|2023
Raimonds Bergmanis|latvia|defence|2015|2019
Artis Pabriks|latvia|defence|2019|2022
Ināra Mūrniece|latvia|defence|2022|2023
Andris Sprūds|latvia|defence|2023|2025
Dalia Grybauskaitė|lithuania|head|2009|2019
Gitanas Nausėda|lithuania|head|2019
Algirdas Butkevičius|lithuania|head|2012|2016
Saulius Skvernelis|lithuania|head|2016|2020
Ingrida Šimonytė|lithuania|head|2020|2024
Gintautas Paluckas|lithuania|head|2024|2025
Juozas Olekas|lithuania|defence|2012|2016
Raimundas Karoblis|lithuania|defence|2016|2020
Arvydas Anušauskas|lithuania|defence|2020|2023
Laurynas Kasčiūnas|lithuania|defence|2024|2024
Dovilė Šakalienė|lithuania|defence|2024|2025
Linas Linkevičius|lithuania|foreign|2012|2020
Gabrielius Landsbergis|lithuania|foreign|2020|2024
Klaus Iohannis|romania|head|2014|2025
Nicușor Dan|romania|head|2025
Nicolae Ciucă|romania|head|2021|2023
Nicolae Ciucă|romania|defence|2019|2021
Marcel Ciolacu|romania|head|2023|2025
Vasile Dîncu|romania|defence|2021|2022
Angel Tîlvar|romania|defence|2022|2024
Rumen Radev|bulgaria|head|2017
Boyko Borissov|bulgaria|head|2014|2021
Robert Fico|slovakia|head|2012|2018
Robert Fico|slovakia|head|2023
Eduard Heger|slovakia|head|2021|2023
Zuzana Čaputová|slovakia|head|2019|2024
Peter Pellegrini|slovakia|head|2024
Jaroslav Naď|slovakia|defence|2020|2023
Robert Kaliňák|slovakia|defence|2023
Viktor Orbán|hungary|head|2010
Péter Szijjártó|hungary|foreign|2014
Kristóf Szalay-Bobrovniczky|hungary|defence|2022
Petr Fiala|czechia|head|2021|2025
Andrej Babiš|czechia|head|2017|2021
Andrej Babiš|czechia|head|2025
Petr Pavel|czechia|head|2023
Jana Černochová|czechia|defence|2021|2025
Sauli Niinistö|finland|head|2012|2024
Alexander Stubb|finland|head|2024
Sanna Marin|finland|head|2019|2023
Petteri Orpo|finland|head|2023
Antti Kaikkonen|finland|defence|2019|2023
Antti Häkkänen|finland|defence|2023
Pekka Haavisto|finland|foreign|2019|2023
Elina Valtonen|finland|foreign|2023
Stefan Löfven|sweden|head|2014|2021
Magdalena Andersson|sweden|head|2021|2022
Ulf Kristersson|sweden|head|2022
Peter Hultqvist|sweden|defence|2014|2022
Pål Jonson|sweden|defence|2022
Tobias Billström|sweden|foreign|2022|2024
Maria Malmer Stenergard|sweden|foreign|2024
Recep Tayyip Erdoğan|turkiye|head|2014
Hulusi Akar|turkiye|defence|2018|2023
Yaşar Güler|turkiye|defence|2023
Mevlüt Çavuşoğlu|turkiye|foreign|2015|2023
Hakan Fidan|turkiye|foreign|2023
Charles Michel|belgium|head|2014|2019
Alexander De Croo|belgium|head|2020|2025
Bart De Wever|belgium|head|2025
Ludivine Dedonder|belgium|defence|2020|2024
Theo Francken|belgium|defence|2025
Kyriakos Mitsotakis|greece|head|2019
Nikos Dendias|greece|foreign|2019|2023
Nikos Dendias|greece|defence|2023
Volodymyr Zelensky|ukraine|head|2019
Petro Poroshenko|ukraine|head|2014|2019
Denys Shmyhal|ukraine|head|2020|2025
Oleksii Reznikov|ukraine|defence|2021|2023
Rustem Umerov|ukraine|defence|2023|2025
Dmytro Kuleba|ukraine|foreign|2020|2024
Andrii Sybiha|ukraine|foreign|2024
Vladimir Putin|russia|head|2012
Dmitry Medvedev|russia|head|2012|2020
Mikhail Mishustin|russia|head|2020
Sergei Shoigu|russia|defence|2012|2024
Andrei Belousov|russia|defence|2024
Sergei Lavrov|russia|foreign|2004
Anders Fogh Rasmussen|nato|sg|2009|2014
Jens Stoltenberg|nato|sg|2014|2024
Mark Rutte|nato|sg|2024
Mark Rutte|netherlands|head|2010|2024
Philip Breedlove|nato|saceur|2013|2016
Curtis Scaparrotti|nato|saceur|2016|2019
Tod Wolters|nato|saceur|2019|2022
Christopher Cavoli|nato|saceur|2022|2025
Alexus Grynkewich|nato|saceur|2025
Ursula von der Leyen|european-union|eu|2019
Charles Michel|european-union|eu|2019|2024
António Costa|european-union|eu|2024
António Costa|portugal|head|2015|2024
Josep Borrell|european-union|eu|2019|2024
Kaja Kallas|european-union|eu|2024
`;

export const OFFICES: readonly Office[] = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [name = "", of = "", kind = "", from = "", to] = line.split("|");
    return {
      name,
      of,
      kind: kind as OfficeKind,
      from: Number(from),
      ...(to ? { to: Number(to) } : {}),
    };
  });

/** Accents and case folded: "Szydło" and "Szydlo", "Nauseda" and "Nausėda" compare equal. */
export const foldName = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ø/g, "o")
    .replace(/’/g, "'")
    .toLowerCase();

/** The kind of office a title names, if any: "Defence Minister" -> defence, "Chancellor" -> head. */
export function officeKindOf(role: string): OfficeKind | undefined {
  const r = role.toLowerCase();
  if (/secretary[- ]general/.test(r) && !/deputy|assistant/.test(r)) return "sg";
  if (/supreme allied commander|saceur/.test(r)) return "saceur";
  if (/defen[cs]e|war\b/.test(r)) return "defence";
  if (/foreign|secretary of state/.test(r)) return "foreign";
  if (
    /^(?:(?:former|acting|interim|outgoing|incoming|then)[- ])*(?:president|prime minister|premier|chancellor|taoiseach)$/.test(
      r.trim(),
    )
  )
    return "head";
  return undefined;
}

const held = (o: Office, year: number | undefined) =>
  year === undefined || (o.from <= year && (o.to === undefined || year <= o.to));

const BY_NAME = new Map<string, Office[]>();
const BY_SURNAME = new Map<string, Office[]>();
const surnameOf = (name: string) => name.split(/\s+/).pop() ?? name;
for (const o of OFFICES) {
  const full = foldName(o.name);
  BY_NAME.set(full, [...(BY_NAME.get(full) ?? []), o]);
  const last = foldName(surnameOf(o.name));
  BY_SURNAME.set(last, [...(BY_SURNAME.get(last) ?? []), o]);
}

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  return at(a.length, b.length);
}

/**
 * The table's person a written full name is: the same name (accents aside), or a misspelling of
 * it ("Jens Stotlenberg"): the same first name and a surname one edit away (two from eight
 * letters; a swap of two letters is one edit), both surnames six letters or more ("Mark Rutter" is
 * not Mark Rutte), when exactly one person in the table fits.
 */
export function knownPerson(name: string): string | undefined {
  const folded = foldName(name);
  const exact = BY_NAME.get(folded);
  if (exact?.[0]) return exact[0].name;
  const words = folded.split(/\s+/);
  if (words.length < 2) return undefined;
  const first = words.slice(0, -1).join(" ");
  const last = words[words.length - 1] ?? "";
  if (last.length < 6) return undefined;
  const near = new Set<string>();
  for (const [full, offices] of BY_NAME) {
    const w = full.split(/\s+/);
    const surname = w[w.length - 1] ?? "";
    if (w.slice(0, -1).join(" ") !== first || surname.length < 6) continue;
    if (Math.abs(surname.length - last.length) > 2) continue;
    if (editDistance(surname, last) <= (surname.length >= 8 ? 2 : 1))
      near.add(offices[0]?.name ?? full);
  }
  return near.size === 1 ? [...near][0] : undefined;
}

/**
 * Whose office `role` is when `name` holds it, in `year` where known: the owner's key, if the
 * table has the person in an office of that kind (in that year, if any entry covers it).
 */
export function officeOwner(name: string, role: string, year?: number): string | undefined {
  const kind = officeKindOf(role);
  if (!kind) return undefined;
  const offices = (BY_NAME.get(foldName(name)) ?? []).filter((o) => o.kind === kind);
  const now = offices.filter((o) => held(o, year));
  const owners = new Set((now.length > 0 ? now : offices).map((o) => o.of));
  return owners.size === 1 ? [...owners][0] : undefined;
}

/**
 * The body or nation whose office of `role`'s kind `name` held in `year`, if the table says so for
 * exactly one (no fallback to other years: for a title that names no owner, wild27).
 */
export function officeHeldIn(name: string, role: string, year: number): string | undefined {
  const kind = officeKindOf(role);
  if (!kind) return undefined;
  const owners = new Set(
    (BY_NAME.get(foldName(name)) ?? [])
      .filter((o) => o.kind === kind && held(o, year))
      .map((o) => o.of),
  );
  return owners.size === 1 ? [...owners][0] : undefined;
}

/**
 * The full name of the one person in the table holding any office in `year` under that surname
 * ("Meloni met Rutte in Rome" in June 2025: Mark Rutte), if exactly one does. Without a year, none:
 * a surname alone is read against the offices of the article's time only.
 */
export function holderOfSurname(surname: string, year?: number): string | undefined {
  if (year === undefined) return undefined;
  const names = new Set(
    (BY_SURNAME.get(foldName(surname)) ?? []).filter((o) => held(o, year)).map((o) => o.name),
  );
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The full name of the office holder a title and a surname name ("President Macron", "Chancellor
 * Scholz"), in `year` where known: exactly one person in the table with that surname holding an
 * office of the title's kind.
 */
export function holderBySurname(surname: string, role: string, year?: number): string | undefined {
  const kind = officeKindOf(role);
  if (!kind) return undefined;
  const offices = (BY_SURNAME.get(foldName(surname)) ?? []).filter(
    (o) => o.kind === kind && held(o, year),
  );
  const names = new Set(offices.map((o) => o.name));
  return names.size === 1 ? [...names][0] : undefined;
}
