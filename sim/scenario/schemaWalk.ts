import type { z } from 'zod';

/** The parts of a zod 4 schema definition this walker reads; everything is optional because kinds differ. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
  items?: readonly z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strip wrappers (optional, default, pipe, ...) that do not change the shape of the value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The option of a union that a raw value is meant to be: by its discriminator, else the only object option. */
function pickOption(def: Def, raw: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (def.discriminator && isPlainObject(raw)) {
    const tag = raw[def.discriminator];
    return options.find((o) => {
      const shape = defOf(unwrap(o)).shape;
      const literal = shape?.[def.discriminator as string];
      const values = literal ? (literal as unknown as { _zod: { values?: Set<unknown> } })._zod.values : undefined;
      return values?.has(tag) ?? false;
    });
  }
  const wanted = isPlainObject(raw) ? 'object' : Array.isArray(raw) ? 'array' : null;
  const matching = options.filter((o) => defOf(unwrap(o)).type === wanted);
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * The schema that describes the value at `path` of `raw`, following unions by what the raw value holds.
 * Undefined when the path leaves the schema. Never throws on odd input: it only reads plain data.
 */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[], raw: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let value = raw;
  for (let i = 0; i <= path.length && schema; i++) {
    schema = unwrap(schema);
    const def = defOf(schema);
    if (def.type === 'union') {
      schema = pickOption(def, value);
      i--;
      if (!schema) return undefined;
      continue;
    }
    if (i === path.length) return schema;
    const key = path[i];
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (def.type === 'object') schema = typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'tuple') schema = typeof key === 'number' ? def.items?.[key] : undefined;
    else return undefined;
  }
  return schema;
}

/** Keys an object schema allows, or [] when the schema is not an object. */
export function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
