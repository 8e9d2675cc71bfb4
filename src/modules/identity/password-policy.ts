import { dictionary } from '@zxcvbn-ts/language-common';

// The 49,000 most common passwords of breach corpora, as shipped (and kept up to date) by zxcvbn-ts.
const COMMON = new Set(dictionary['passwords-common']);

export const COMMON_PASSWORD = 'This password is one of the most common ones; choose another';
export const OWN_IDENTIFIER = 'The password must not be your own NIP or email';

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
