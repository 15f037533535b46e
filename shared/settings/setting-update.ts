import { z } from 'zod';
import {
  deskSettingsSchema,
  SETTING_KEYS,
  type SettingKey,
  type SettingValue,
} from './desk-settings.ts';

/** Every setting at once, as `settings.get` answers. */
export const deskSettings = z.object(deskSettingsSchema);

/** One setting and its new value, once checked against that setting's schema. */
export type SettingUpdate = {
  [K in SettingKey]: { readonly key: K; readonly value: SettingValue<K> };
}[SettingKey];

const settingKey = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]);

/**
 * `settings.update`'s input. The value replaces the whole setting (an object setting's missing
 * fields take their defaults, as on a new desk). Each problem is reported at `<key>.<field>` in
 * plain words, so the refusal names the setting and a form can put the words beside the field.
 */
export const settingUpdate = z
  .strictObject({ key: settingKey, value: z.unknown() })
  .transform((input, ctx): SettingUpdate => {
    if (input.value === undefined) {
      ctx.addIssue({ code: 'custom', path: [input.key], message: 'give the new value' });
      return z.NEVER;
    }
    const parsed = deskSettingsSchema[input.key].safeParse(input.value);
    if (parsed.success) return { key: input.key, value: parsed.data } as SettingUpdate;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({
        code: 'custom',
        path: [input.key, ...issue.path],
        message: plainIssue(issue),
        input: input.value,
      });
    }
    return z.NEVER;
  });

export const settingChanged = z.object({ key: settingKey });

const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'on or off (true or false)',
  array: 'a list',
  object: 'a group of settings',
};

/** Zod's wording ("Too small: expected number to be >=2") said as staff would read it. */
export function plainIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const bound =
        issue.inclusive === false
          ? small
            ? 'more than'
            : 'less than'
          : small
            ? 'at least'
            : 'at most';
      if (issue.origin === 'string') {
        if (small && limit === 1) return 'must not be empty';
        return `must be ${bound} ${limit} character${limit === 1 ? '' : 's'} long`;
      }
      if (issue.origin === 'array')
        return `must have ${bound} ${limit} entr${limit === 1 ? 'y' : 'ies'}`;
      return `must be ${bound} ${limit}`;
    }
    case 'invalid_type':
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has no setting named ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}
