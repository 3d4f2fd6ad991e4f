/** The small builders every part of the OpenAPI document is written with. */

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const json = (description: string, schema: Schema) => ({ description, content: { "application/json": { schema } } });
export const error = (description: string) => json(description, ref("Error"));
export const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: "object", properties, required });
export const integer: Schema = { type: "integer" };
export const string: Schema = { type: "string" };
export const nullable = (type: string): Schema => ({ type: [type, "null"] });
/** A JSON request body, required unless said otherwise. */
export const jsonRequest = (schema: Schema, required = true) => ({ required, content: { "application/json": { schema } } });
