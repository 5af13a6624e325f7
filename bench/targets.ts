/** How the harness asks each server for each operation: path, headers, bodies, success test. */
import type { Target } from "./load.js";
import type { Fixtures, Operation } from "./operations.js";
import type { ServerName } from "./servers/spawn.js";

const hasErrors = (body: string) => body.includes('"errors"');

/** One server's request for one operation: which server, on which port, with which fixtures and token. */
export interface TargetRequest {
  server: ServerName;
  port: number;
  op: Operation;
  fx: Fixtures;
  token: string;
}

export function targetFor({ server, port, op, fx, token }: TargetRequest): Target | null {
  if (server === "anchor" && !op.anchor) return null;
  const ok = (body: string) =>
    !hasErrors(body) && (!op.write || server === "anchor" || body.includes("AddRelationSuccess"));
  if (server === "floor") {
    // Constant bodies are built once; the mutation's changes per request.
    const constant = op.write ? null : JSON.stringify({ variables: op.floor(fx, 0) });
    return {
      port,
      path: `/floor/${op.id}`,
      headers: {},
      body: (i) => constant ?? JSON.stringify({ variables: op.floor(fx, i) }),
      ok,
    };
  }
  const build = server === "ours" ? op.ours : (op.anchor as NonNullable<Operation["anchor"]>);
  const constant = op.write ? null : JSON.stringify(build(fx, 0));
  return {
    port,
    path: "/graphql",
    headers: server === "ours" && op.write ? { authorization: `Bearer ${token}` } : {},
    body: (i) => constant ?? JSON.stringify(build(fx, i)),
    ok,
  };
}
