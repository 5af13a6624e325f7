/**
 * Keys for caching what a statement builder made from a plan (bench/findings.md, "speed2"): a
 * plan is plain data, and `planKey` writes it so that two plans share a key only when they are
 * the same data. A builder that is a pure function of its plan may then hand out its statement
 * again for the same key, values and all.
 */

/**
 * An injective text of plain data (null, undefined, booleans, finite numbers, strings, arrays
 * and plain objects, in their own key order): undefined, -0 and a missing key each written
 * apart, strings quoted as JSON quotes them. Anything else (a Map, a Set, a class instance, a
 * non-finite number, a cycle) gives undefined: not cacheable. Key order is kept, so the same data
 * in another order is only a miss, never a wrong hit.
 */
export function planKey(value: unknown, seen: Set<object> = new Set()): string | undefined {
  if (value === null) return "n";
  if (value === undefined) return "u";
  switch (typeof value) {
    case "boolean":
      return value ? "t" : "f";
    case "number":
      if (!Number.isFinite(value)) return undefined;
      return Object.is(value, -0) ? "-0" : String(value);
    case "string":
      return JSON.stringify(value);
    case "object": {
      if (seen.has(value)) return undefined;
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          const items: string[] = [];
          for (const item of value) {
            const k = planKey(item, seen);
            if (k === undefined) return undefined;
            items.push(k);
          }
          return `[${items.join(",")}]`;
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) return undefined;
        const fields: string[] = [];
        for (const [name, item] of Object.entries(value)) {
          const k = planKey(item, seen);
          if (k === undefined) return undefined;
          fields.push(`${JSON.stringify(name)}:${k}`);
        }
        return `{${fields.join(",")}}`;
      } finally {
        seen.delete(value);
      }
    }
    default:
      return undefined;
  }
}
