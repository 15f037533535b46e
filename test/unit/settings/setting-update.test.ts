import { describe, expect, it } from 'vitest';
import { settingUpdate } from '../../../shared/settings/setting-update.ts';

function issues(input: unknown): [string, string][] {
  const parsed = settingUpdate.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('settings.update input', () => {
  it('checks the value against its own setting and fills an object setting’s missing fields', () => {
    expect(settingUpdate.parse({ key: 'scanner', value: { prefix: '$' } })).toEqual({
      key: 'scanner',
      value: {
        minLength: 4,
        maxGapMs: 50,
        prefix: '$',
        suffix: '',
        hidVendorId: null,
        hidProductId: null,
      },
    });
    expect(settingUpdate.parse({ key: 'soundsMuted', value: true })).toEqual({
      key: 'soundsMuted',
      value: true,
    });
  });

  it('names the setting and field of each problem, in plain words', () => {
    expect(
      issues({ key: 'scanner', value: { minLength: 4.5, maxGapMs: 500, prefix: '123456789' } }),
    ).toEqual([
      ['scanner.minLength', 'must be a whole number'],
      ['scanner.maxGapMs', 'must be at most 200'],
      ['scanner.prefix', 'must be at most 8 characters long'],
    ]);
    expect(issues({ key: 'institution', value: '  ' })).toEqual([
      ['institution', 'must not be empty'],
    ]);
    expect(issues({ key: 'closedWeekdays', value: [0, 1, 2, 3, 4, 5, 6] })).toEqual([
      ['closedWeekdays', 'must have at most 6 entries'],
    ]);
  });

  it('refuses an update without a value rather than resetting the setting', () => {
    expect(issues({ key: 'soundsMuted', value: undefined })).toEqual([
      ['soundsMuted', 'give the new value'],
    ]);
  });
});
