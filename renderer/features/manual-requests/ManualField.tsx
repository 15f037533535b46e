import type { ComponentProps } from 'react';
import { TextField } from '../../ui/text-field.tsx';

/**
 * One text field of a manual request form: a `TextField` that says `type="text"` unless told
 * otherwise, so it has the desk's text-box look beside the forms' selects and dates.
 */
export function ManualField(props: ComponentProps<typeof TextField>) {
  return <TextField type="text" {...props} />;
}
