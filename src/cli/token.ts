/**
 * `npm run token -- --name NAME [--scopes write,admin]`: prints a new random token (give it to
 * the client, once) and the entry to add to API_TOKENS or the API_TOKENS_FILE list.
 */
import { parseArgs } from "node:util";
import { generateToken, SCOPES, type Scope } from "../auth/tokens.js";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    scopes: { type: "string", default: "write" },
    help: { type: "boolean" },
  },
});
if (values.help || !values.name) {
  console.error("Usage: npm run token -- --name NAME [--scopes write|admin|write,admin]");
  process.exit(values.help ? 0 : 2);
}
const scopes = String(values.scopes)
  .split(",")
  .map((s) => s.trim());
const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
if (bad.length > 0) {
  console.error(`Unknown scope(s): ${bad.join(", ")}; scopes are ${SCOPES.join(", ")}.`);
  process.exit(2);
}
const { token, sha256 } = generateToken();
console.log(`Token (give it to the client; it is not stored anywhere):\n  ${token}\n`);
console.log("Add this entry to API_TOKENS (a JSON list) or the file API_TOKENS_FILE names:");
console.log(`  ${JSON.stringify({ name: values.name, sha256, scopes: scopes as Scope[] })}`);
