import { describe, expect, it } from "vitest";
import { newPassword } from "../../src/db/local-neo4j.js";

describe("a local instance's generated password", () => {
  it("is 48 hex digits, so neo4j-admin never reads it as an option, and differs each time", () => {
    const passwords = Array.from({ length: 2_000 }, newPassword);
    for (const p of passwords) expect(p).toMatch(/^[0-9a-f]{48}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
