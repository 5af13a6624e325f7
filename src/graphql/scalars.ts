import { JSONObjectResolver, JSONResolver } from "graphql-scalars";
import { builder } from "./builder.js";

builder.addScalarType("JSONObject", JSONObjectResolver);
builder.addScalarType("JSON", JSONResolver);
