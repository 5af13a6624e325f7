/**
 * Random GraphQL requests drawn from the server's own schema (its introspection): a root field,
 * arguments of every input type (as variables or inline literals), nested selections with
 * aliases, fragments on interfaces and unions. Values come from pools the caller draws (hostile
 * strings, numbers), so a property test can shrink them; the shape comes from a seed.
 */

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntroField {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}
interface IntroType {
  name: string;
  kind: string;
  enumValues: { name: string }[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  fields: IntroField[] | null;
  possibleTypes: { name: string }[] | null;
}
export interface Introspection {
  __schema: { queryType: { name: string }; types: IntroType[] };
}

/** The introspection query the generator needs. */
export const INTROSPECTION = `{ __schema { queryType { name } types { name kind enumValues { name }
  inputFields { name type { ...T } } fields { name args { name type { ...T } } type { ...T } }
  possibleTypes { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

export interface ValuePools {
  strings: readonly string[];
  ints: readonly number[];
  floats: readonly number[];
}

const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : (t.name as string));
const typeText = (t: TypeRef): string =>
  t.kind === "NON_NULL"
    ? `${typeText(t.ofType as TypeRef)}!`
    : t.kind === "LIST"
      ? `[${typeText(t.ofType as TypeRef)}]`
      : (t.name as string);

/** A literal of a JSON value; strings that look like enum values stay bare. */
function literal(v: unknown, enumLike: boolean): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, enumLike)).join(", ")}]`;
  if (typeof v === "object")
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${literal(x, /^[A-Z][A-Z_]*$/.test(String(x)))}`)
      .join(", ")}}`;
  if (typeof v === "string" && enumLike) return v;
  return JSON.stringify(v);
}

/** One query over a root field of `schema`, shaped by `seed`, with values from `pools`. */
export function randomQuery(
  schema: Introspection,
  seed: number,
  pools: ValuePools,
): { query: string; variables: Record<string, unknown> } {
  const types = new Map(schema.__schema.types.map((t) => [t.name, t]));
  let state = (seed >>> 0) % 2147483647 || 1;
  const rnd = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  function value(t: TypeRef, depth: number): unknown {
    if (t.kind === "NON_NULL") return value(t.ofType as TypeRef, depth);
    if (rnd() < 0.03) return null;
    if (t.kind === "LIST")
      return Array.from({ length: pick([0, 1, 2, 3]) }, () => value(t.ofType as TypeRef, depth));
    const ty = types.get(t.name as string);
    if (t.name === "Int") return pick(pools.ints);
    if (t.name === "Float") return pick(pools.floats);
    if (t.name === "Boolean") return rnd() < 0.5;
    if (ty?.kind === "ENUM") return pick(ty.enumValues ?? [{ name: "X" }]).name;
    if (ty?.kind === "INPUT_OBJECT") {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const f of ty.inputFields ?? [])
        if (f.type.kind === "NON_NULL" || rnd() < 0.25) out[f.name] = value(f.type, depth + 1);
      return out;
    }
    return pick(pools.strings); // String, ID and custom scalars
  }

  const defs: string[] = [];
  const variables: Record<string, unknown> = {};
  function selection(typeName: string, depth: number): string {
    const ty = types.get(typeName);
    if (!ty) return "";
    if (ty.kind === "UNION" || (ty.kind === "INTERFACE" && rnd() < 0.3)) {
      const parts = ["__typename"];
      for (const p of (ty.possibleTypes ?? []).slice(0, 3)) {
        const inner = selection(p.name, depth);
        if (inner) parts.push(`... on ${p.name} ${inner}`);
      }
      return `{ ${parts.join(" ")} }`;
    }
    const fields = ty.fields ?? [];
    const chosen = fields.filter(() => rnd() < 0.35).slice(0, 6);
    if (chosen.length === 0 && fields.length > 0) chosen.push(pick(fields));
    const parts: string[] = [];
    for (const f of chosen) {
      const inner = types.get(named(f.type));
      const composite =
        inner !== undefined && ["OBJECT", "INTERFACE", "UNION"].includes(inner.kind);
      if (composite && depth >= 3) continue;
      const args: string[] = [];
      for (const a of f.args) {
        if (a.type.kind !== "NON_NULL" && rnd() < 0.6) continue;
        const v = value(a.type, 0);
        if (rnd() < 0.5) {
          const name = `v${defs.length}`;
          defs.push(`$${name}: ${typeText(a.type)}`);
          variables[name] = v;
          args.push(`${a.name}: $${name}`);
        } else {
          const enumArg = types.get(named(a.type))?.kind === "ENUM";
          args.push(`${a.name}: ${literal(v, enumArg)}`);
        }
      }
      const sub = composite ? selection(named(f.type), depth + 1) : "";
      if (composite && !sub) continue;
      const alias = rnd() < 0.1 ? `a${parts.length}: ` : "";
      parts.push(`${alias}${f.name}${args.length > 0 ? `(${args.join(", ")})` : ""} ${sub}`);
    }
    if (parts.length === 0) parts.push("__typename");
    return `{ ${parts.join(" ")} }`;
  }

  const root = types.get(schema.__schema.queryType.name) as IntroType;
  const field = pick(root.fields ?? []);
  types.set("__Root", { ...root, name: "__Root", fields: [field] });
  const body = selection("__Root", 0);
  return {
    query: `query${defs.length > 0 ? `(${defs.join(", ")})` : ""} ${body}`,
    variables,
  };
}
