/**
 * Every column that holds ciphertext (platform/crypto.ts), with the context bound into each value.
 * Services encrypt and decrypt through `encryptionContext`; `npm run rotate-key` re-encrypts every
 * column listed here. A new encrypted column is added here, or rotation misses it.
 */
export const encryptedColumns = [
  {
    table: 'support_preferences',
    key: 'owner_id',
    columns: { helps_ciphertext: 'helps', does_not_help_ciphertext: 'does_not_help' },
  },
] as const;

export type EncryptedTable = (typeof encryptedColumns)[number]['table'];

/** Binds a value to its table, row and field, so ciphertext moved elsewhere does not decrypt. */
export function encryptionContext(table: EncryptedTable, rowKey: string, field: string): string {
  return `${table}:${rowKey}:${field}`;
}
