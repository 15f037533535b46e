import type { Orm } from '../../../db/database.ts';
import { getHidden, setHidden } from '../../../db/repositories/hidden-settings-repository.ts';

/**
 * The SMTP password, kept out of the settings every window reads (settings.get): only
 * email.setPassword writes it and only the mailer reads it; the API answers whether one is set.
 * It is stored in the desk's database like partners' security codes, which is the desk machine's
 * own protection; it never goes to a window or into a message.
 */

const KEY = 'secret:smtpPassword';

export async function getSmtpPassword(db: Orm): Promise<string | null> {
  return getHidden(db, KEY);
}

/** Sets the password; '' or null removes it. */
export async function setSmtpPassword(db: Orm, password: string | null): Promise<void> {
  await setHidden(db, KEY, password === null || password === '' ? null : password);
}

export async function hasSmtpPassword(db: Orm): Promise<boolean> {
  return (await getHidden(db, KEY)) !== null;
}
