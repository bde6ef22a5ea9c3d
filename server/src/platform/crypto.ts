import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for sensitive free text (journal entries, notes, support preferences):
 * AES-256-GCM from node:crypto (OpenSSL), a fresh 96-bit IV per value (NIST SP 800-38D §8.2),
 * and the row's identity bound in as additional authenticated data, so a ciphertext copied into
 * another row or column does not decrypt.
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). `keyId` names the key, so
 * after a rotation old values still decrypt with a previous key until `npm run rotate-key`
 * re-encrypts them (see docs/OPERATIONS.md).
 */
export interface Cipher {
  encrypt(plaintext: string, context: string): string;
  decrypt(stored: string, context: string): string;
  /** True when `stored` was written with a key other than the current one. */
  needsRotation(stored: string): boolean;
}

interface Key {
  id: string;
  bytes: Buffer;
}

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== 32) {
    throw new Error('An encryption key must be 32 bytes in base64.');
  }
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}

export function createCipher(currentKey: string, previousKeys: string[] = []): Cipher {
  const current = toKey(currentKey);
  const keys = new Map<string, Key>([current, ...previousKeys.map(toKey)].map((key) => [key.id, key]));

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.bytes, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return ['v1', current.id, ...parts].join('.');
    },
    decrypt(stored, context) {
      const [version, keyId, iv, tag, ciphertext] = stored.split('.');
      const key = keyId === undefined ? undefined : keys.get(keyId);
      if (version !== 'v1' || !key || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new Error('Encrypted value has an unknown format or key.');
      }
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
    needsRotation(stored) {
      return stored.split('.')[1] !== current.id;
    },
  };
}

export function generateKey(): string {
  return randomBytes(32).toString('base64');
}

/** Random secret for links and session cookies: 256 bits, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a database leak does not hand out sessions or invites. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
