/** The schema: every type registers itself by import; this module exports only the schema. */
import "./scalars.js";
import "./types/enums.js";
import "./types/relation.js";
import "./types/filters.js";
import "./types/entity.js";
import "./types/person.js";
import "./types/nation.js";
import "./types/organization.js";
import "./types/place.js";
import "./types/mission.js";
import "./types/event.js";
import "./types/pledge.js";
import "./types/quote.js";
import "./types/source.js";
import "./types/query.js";
import "./types/path.js";
import "./types/neighbourhood.js";
import "./types/timeline.js";
import "./types/errors.js";
import "./types/mutation.js";
import "./types/extract.js";
import "./types/check.js";
import "./types/subscription.js";
import { builder } from "./builder.js";

export const schema = builder.toSchema({ sortSchema: true });
