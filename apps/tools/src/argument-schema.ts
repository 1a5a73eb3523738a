import { invalidArgument } from '@swirl/grpc-kit';

/**
 * The subset of JSON Schema the tools use to describe their arguments: a flat object of
 * strings, integers, numbers and booleans. ListTools publishes the schema; Execute checks
 * requests against the same object, so the two cannot drift.
 */
export interface PropertySchema {
  readonly type: 'string' | 'integer' | 'number' | 'boolean';
  readonly description: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly default?: string | number | boolean;
}

export interface ArgumentSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, PropertySchema>>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
}

export type ArgumentValues = Record<string, string | number | boolean>;

/** Validates `args` (a google.protobuf.Struct as plain JSON) and fills defaults; throws INVALID_ARGUMENT. */
export function validateArguments(tool: string, schema: ArgumentSchema, args: Record<string, unknown> | undefined): ArgumentValues {
  const given = args ?? {};
  const out: ArgumentValues = {};
  const where = (name: string) => `${tool}: argument "${name}"`;
  for (const name of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(schema.properties, name)) {
      throw invalidArgument(`${tool}: unknown argument "${name}"; accepted: ${Object.keys(schema.properties).join(', ')}`);
    }
  }
  for (const [name, prop] of Object.entries(schema.properties)) {
    const value = given[name];
    if (value === undefined || value === null) {
      if (schema.required.includes(name)) throw invalidArgument(`${where(name)} is required (${prop.description})`);
      if (prop.default !== undefined) out[name] = prop.default;
      continue;
    }
    out[name] = checkValue(where(name), prop, value);
  }
  return out;
}

function checkValue(where: string, prop: PropertySchema, value: unknown): string | number | boolean {
  switch (prop.type) {
    case 'string': {
      if (typeof value !== 'string') throw invalidArgument(`${where} must be a string, got ${typeof value}`);
      if (prop.maxLength !== undefined && value.length > prop.maxLength) {
        throw invalidArgument(`${where} is ${value.length} characters long; the limit is ${prop.maxLength}`);
      }
      if (prop.minLength !== undefined && value.length < prop.minLength) throw invalidArgument(`${where} must have at least ${prop.minLength} characters`);
      if (prop.enum !== undefined && !prop.enum.includes(value)) throw invalidArgument(`${where} must be one of ${prop.enum.join(', ')}; got "${value}"`);
      return value;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidArgument(`${where} must be a number, got ${JSON.stringify(value)}`);
      if (prop.type === 'integer' && !Number.isInteger(value)) throw invalidArgument(`${where} must be an integer, got ${value}`);
      if ((prop.minimum !== undefined && value < prop.minimum) || (prop.maximum !== undefined && value > prop.maximum)) {
        throw invalidArgument(`${where} must be between ${prop.minimum ?? '-inf'} and ${prop.maximum ?? 'inf'}, got ${value}`);
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidArgument(`${where} must be true or false, got ${JSON.stringify(value)}`);
      return value;
  }
}
