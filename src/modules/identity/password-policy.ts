import { dictionary } from '@zxcvbn-ts/language-common';

// The 49,000 most common passwords of breach corpora, as shipped (and kept up to date) by zxcvbn-ts.
const COMMON = new Set(dictionary['passwords-common']);

/** Catalogue keys (src/i18n): the error handler renders them in the reader's language. */
export const COMMON_PASSWORD = 'validation.commonPassword';
export const OWN_IDENTIFIER = 'validation.ownIdentifier';

/** Whether a password is on the common-passwords list (case does not make it less common). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase()) || COMMON.has(password.trim().toLowerCase());
}

/** Whether a password is one of the person's own identifiers: their NIP, email, or the email's name part. */
export function isOwnIdentifier(password: string, identifiers: Array<string | null | undefined>): boolean {
  const p = password.trim().toLowerCase();
  return identifiers.some((id) => {
    const v = id?.trim().toLowerCase();
    return !!v && (p === v || p === v.split('@')[0] || p === v.replace(/\s+/g, ''));
  });
}
