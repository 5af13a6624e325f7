/**
 * What every statement builder returns, and how its values become parameters: names are handed
 * out in order under a prefix, so a statement's text never holds a value.
 */

/** A Cypher statement and its parameters, ready for src/db/run.ts. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Collects parameters and hands out their names. */
export class Params {
  readonly values: Record<string, unknown> = {};
  private next = 0;
  constructor(private readonly prefix = "w") {}
  add(value: unknown): string {
    const name = `${this.prefix}${this.next++}`;
    this.values[name] = value;
    return `$${name}`;
  }
}
