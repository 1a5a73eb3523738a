/** A JSON value as stored in the store's JSON columns (configs, metadata, tool arguments). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object; keys are kept, their order is not (the store writes keys sorted). */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
