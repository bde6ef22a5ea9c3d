import { describe, expect, it } from 'vitest';
import { createCipher, generateKey, hashToken, randomToken } from './crypto';

describe('encryption at rest', () => {
  const key = generateKey();
  const cipher = createCipher(key);

  it('round-trips text, with a fresh IV each time', () => {
    const a = cipher.encrypt('I felt a craving after the argument.', 'journal:1:body');
    const b = cipher.encrypt('I felt a craving after the argument.', 'journal:1:body');
    expect(a).not.toBe(b);
    expect(a).not.toContain('craving');
    expect(cipher.decrypt(a, 'journal:1:body')).toBe('I felt a craving after the argument.');
    expect(cipher.decrypt(cipher.encrypt('', 'c'), 'c')).toBe('');
    expect(cipher.decrypt(cipher.encrypt('ñandú 😀', 'c'), 'c')).toBe('ñandú 😀');
  });

  it('refuses a value moved to another row or column', () => {
    const stored = cipher.encrypt('private', 'journal:1:body');
    expect(() => cipher.decrypt(stored, 'journal:2:body')).toThrow();
  });

  it('refuses a tampered value', () => {
    const stored = cipher.encrypt('private words', 'ctx');
    const parts = stored.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'ctx')).toThrow();
  });

  it('reads values written with a previous key after rotation, and says they need re-encrypting', () => {
    const rotated = createCipher(generateKey(), [key]);
    const old = cipher.encrypt('before rotation', 'ctx');
    expect(rotated.decrypt(old, 'ctx')).toBe('before rotation');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('after', 'ctx'))).toBe(false);
    expect(() => createCipher(generateKey()).decrypt(old, 'ctx')).toThrow(/unknown format or key/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createCipher(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('makes unguessable tokens and stores only their hash', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
