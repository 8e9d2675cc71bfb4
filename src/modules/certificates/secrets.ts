import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for signing secrets (PKCS#12 files, passphrases): AES-256-GCM under a key
 * derived from CERTIFICATE_SECRETS_KEY, or from the JWT secret when that is not set. Stored as
 * iv (12 bytes) · tag (16 bytes) · ciphertext.
 */
export function secretBox(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'asn-learning-backend', 'certificate-signing-secrets', 32));
  return {
    seal(plain: Buffer | string): Buffer {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed: Buffer): Buffer {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}

export type SecretBox = ReturnType<typeof secretBox>;
