import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import { createCipher, generateKey, type Cipher } from './crypto';

/**
 * The key for encryption at rest. Production must configure TWOFOLD_ENCRYPTION_KEY. Elsewhere,
 * without one, a key is generated into the data folder on first start (with a warning), so
 * `npm start` works with nothing to set up; that file must then be backed up with the data.
 */
export function resolveCipher(config: Config, log: Pick<FastifyBaseLogger, 'warn'>): Cipher {
  if (config.encryptionKey) {
    return createCipher(config.encryptionKey, config.previousEncryptionKeys);
  }
  if (config.env === 'production') {
    throw new Error('Twofold cannot start: set TWOFOLD_ENCRYPTION_KEY (openssl rand -base64 32) in production.');
  }
  const file = join(config.dataDir, 'encryption.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, generateKey() + '\n', { mode: 0o600 });
    log.warn(`Generated an encryption key in ${file}. Back it up with the data; without it, encrypted entries cannot be read.`);
  }
  return createCipher(readFileSync(file, 'utf8').trim(), config.previousEncryptionKeys);
}
