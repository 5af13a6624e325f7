/**
 * Names that only qualify the name before them, as an address does: "Vilseck, Germany",
 * "Brussels, Belgium", "Edmonton, Alberta". The town is the place the sentence speaks of; the
 * nation or region after its comma says where the town is, and a reader records nothing more of
 * it there (no membership of an alliance, no region placed a second time). A list of nations or
 * regions ("Estonia, Latvia and Lithuania") is no address: the name before the comma must be a
 * town GeoNames knows and no nation or region.
 */
import { citiesNamed, GAZETTEER } from "./gazetteer.js";

/** Up to three capitalised words and a comma right before `start`: "Vilseck, ", "Las Palmas, ". */
const NAME_AND_COMMA_BEFORE =
  /(?:^|[^\p{L}])((?:\p{Lu}[\p{L}.’'-]+\s){0,2}\p{Lu}[\p{L}.’'-]+),\s$/u;
const AREAS = new Set(
  GAZETTEER.filter((g) => g.entity.kind === "Nation" || g.entity.kind === "Place")
    .filter((g) => citiesNamed(g.form).length === 0 || g.entity.kind === "Nation")
    .map((g) => g.form),
);

/** Whether the name at `start` in `text` follows a town and a comma, as an address's qualifier. */
export function qualifiesTownBefore(text: string, start: number): boolean {
  const name = NAME_AND_COMMA_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[1];
  if (!name || AREAS.has(name)) return false;
  return citiesNamed(name).length > 0;
}
