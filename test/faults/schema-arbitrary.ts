import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries for an API method's input, read from its zod schema (as JSON Schema, the
 * input side): values that fit the schema's shape, with strings drawn partly from the desk's own
 * identifiers so calls reach past validation into the use cases; and near misses of them — one
 * value of the wrong type, an extra or a missing key, a huge string, a negative, fractional,
 * infinite or NaN number, deep nesting.
 */

/** The subset of JSON Schema that z.toJSONSchema writes for the contract's inputs. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Realistic values the generated strings and numbers are partly drawn from. */
export interface Pools {
  /** The desk's values for a field of this name (request IDs for `requestId` …), or any. */
  strings(key: string | undefined): readonly string[];
  readonly integers: readonly number[];
}

/**
 * Tokens a value may carry that JSON.stringify cannot write (Infinity, NaN, nesting deeper than it
 * recurses); `bodyText` puts them into the body as raw text.
 */
const RAW = '\u0000raw:';
const RAW_TOKENS: Readonly<Record<string, string>> = {
  infinity: '1e400',
  minusInfinity: '-1e400',
  nan: 'NaN',
  deep: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  deepObject: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
};
const raw = (name: keyof typeof RAW_TOKENS) => `${RAW}${name}`;

/** The call's body: the value as JSON with any raw tokens written in place. */
export function bodyText(value: unknown): string {
  return JSON.stringify(value).replace(
    new RegExp(`"\\\\u0000raw:(\\w+)"`, 'g'),
    (_, name: string) => RAW_TOKENS[name] ?? 'null',
  );
}

function stringArb(
  schema: JsonSchema,
  pools: Pools,
  key: string | undefined,
): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 60);
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    return fc
      .oneof(
        fc
          .stringMatching(pattern)
          .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity)),
        // Real dates, for the YYYY-MM-DD fields.
        fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      )
      .filter((s) => pattern.test(s));
  }
  const fits = pools
    .strings(key)
    .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  const random = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) });
  return fits.length > 0
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fits) }, { weight: 1, arbitrary: random })
    : random;
}

function numberArb(schema: JsonSchema, pools: Pools): fc.Arbitrary<number> {
  const integer = schema.type === 'integer';
  const min =
    schema.exclusiveMinimum !== undefined
      ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON)
      : (schema.minimum ?? -1_000_000);
  const max = Math.min(schema.maximum ?? 1_000_000, 1_000_000_000);
  const fits = pools.integers.filter((n) => n >= min && n <= max);
  const base = integer
    ? fc.integer({ min: Math.max(min, -1_000_000_000), max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fits.length > 0 && integer
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fits) }, { weight: 1, arbitrary: base })
    : base;
}

/** Values of the schema's shape (refinements such as "a real date" may still refuse them). */
export function valueArb(
  schema: JsonSchema,
  pools: Pools,
  depth = 0,
  key?: string,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((s) => valueArb(s, pools, depth, key)));
  switch (schema.type) {
    case 'string':
      return stringArb(schema, pools, key);
    case 'integer':
    case 'number':
      return numberArb(schema, pools);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueArb(schema.items ?? {}, pools, depth + 1, key), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, Math.max(schema.minItems ?? 0, 5)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(
        Object.entries(properties).map(([name, s]) => [name, valueArb(s, pools, depth + 1, name)]),
      );
      return fc.record(shape, { requiredKeys: [...(schema.required ?? [])] });
    }
    default:
      // No type: z.unknown() (a setting's value) takes anything.
      return depth > 3 ? fc.jsonValue({ maxDepth: 1 }) : fc.jsonValue({ maxDepth: 3 });
  }
}

/** One value of a wrong kind: the type, the size or the number is off. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    -0.5,
    2 ** 53 + 2,
    -(2 ** 31),
    '',
    ' ',
    '\u0000',
    '\uD800',
    '-1',
    'NaN',
    '1e400',
    [],
    {},
    [null],
    { toString: 'x', valueOf: 1 },
    raw('infinity'),
    raw('minusInfinity'),
    raw('nan'),
    raw('deep'),
    raw('deepObject'),
  ),
  fc.integer({ min: 200, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.constant('é'.repeat(1_100_000)),
  fc.jsonValue({ maxDepth: 2 }),
);

const STRANGE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  '',
  ' ',
  'x'.repeat(10_000),
];
const extraKey = fc.oneof(fc.constantFrom(...STRANGE_KEYS), fc.string({ maxLength: 12 }));

/** Sets `key` as an own field, as JSON.parse would: "__proto__" stays a field, not the prototype. */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A near miss of `value`: one thing about it wrong, at the top level or one level down. */
export function nearMissArb(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.integer({ min: 0, max: 3 }), wrongValue, extraKey)
    .map(([value, pick, how, wrong, key]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong;
      const copy: Record<string, unknown> = { ...value };
      // Sometimes one level down, into a nested object or list.
      let target = copy;
      const nested = Object.entries(copy).filter(([, v]) => typeof v === 'object' && v !== null);
      if (pick % 3 === 0 && nested.length > 0) {
        const [name, inner] = nested[pick % nested.length] as [string, object];
        if (Array.isArray(inner)) {
          // A list: one entry of the wrong kind, or one more.
          const list: unknown[] = [...(inner as unknown[])];
          list[how === 0 || list.length === 0 ? list.length : pick % list.length] = wrong;
          setField(copy, name, list);
          return copy;
        }
        const innerCopy: Record<string, unknown> = { ...inner };
        setField(copy, name, innerCopy);
        target = innerCopy;
      }
      const keys = Object.keys(target);
      const chosen = keys[pick % Math.max(1, keys.length)];
      // An extra key, a key missing, or a value of the wrong kind.
      if (how === 0 || chosen === undefined) setField(target, key, wrong);
      else if (how === 1) delete target[chosen];
      else setField(target, chosen, wrong);
      return copy;
    });
}
