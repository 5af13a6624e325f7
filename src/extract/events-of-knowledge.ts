/**
 * Wars any reader of the news knows by the attacked nation alone (issue 25, fifteenth pass): "the
 * war in Ukraine", written after 24 February 2022, is Russia's full-scale invasion; "the war in
 * Georgia" is Russia's of 2008. A reader records the invasion as an event, with the attacked nation
 * its target, even where the text never names the invader (the golds do not add the invader then).
 * Written before the war began, the words name no such event (an article of 2015 on "the war in
 * Ukraine" speaks of another war).
 */

/** Each attacked nation's key: the invader's name, and when the war began. */
const KNOWN_WARS: Readonly<Record<string, { invader: string; began: number }>> = {
  ukraine: { invader: "Russia", began: Date.UTC(2022, 1, 24) },
  georgia: { invader: "Russia", began: Date.UTC(2008, 7, 7) },
};

/**
 * The invader of the war on `target` (a nation's key) any reader knows, looked up by its name,
 * when the text was written (`written`) after the war began; else undefined. Without a date, none.
 */
export function knownWar<T>(
  target: string,
  written: Date | undefined,
  lookup: (name: string) => T | undefined,
): T | undefined {
  const war = KNOWN_WARS[target];
  if (!war || !written || written.getTime() < war.began) return undefined;
  return lookup(war.invader);
}
