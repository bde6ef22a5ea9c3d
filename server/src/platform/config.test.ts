import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('runs on the embedded database on port 3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '.twofold-data/pglite' });
    expect(config.secureCookies).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and secure cookies in production', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db.example/twofold', NODE_ENV: 'production', PORT: '8080' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://db.example/twofold', poolSize: 10 });
    expect(config.secureCookies).toBe(true);
  });

  it('switches off questionnaires by id, but never the safety screen', () => {
    expect(loadConfig({ INSTRUMENTS_OFF: 'dast-10, ecr-s', PC_PTSD_5_CUTOFF: '4' })).toMatchObject({
      instrumentsOff: ['dast-10', 'ecr-s'],
      ptsdCutoff: 4,
    });
    expect(() => loadConfig({ INSTRUMENTS_OFF: 'dast-10,bdi' })).toThrow(/INSTRUMENTS_OFF.*must be a comma-separated list of/);
    expect(() => loadConfig({ INSTRUMENTS_OFF: 'hark' })).toThrow(/INSTRUMENTS_OFF: cannot include hark/);
    expect(() => loadConfig({ PC_PTSD_5_CUTOFF: '5' })).toThrow(/PC_PTSD_5_CUTOFF/);
  });

  it('names every variable at fault in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TWOFOLD_ENCRYPTION_KEY: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must be a postgres:\/\/[\s\S]*TWOFOLD_ENCRYPTION_KEY: must be 32 random bytes/,
    );
  });
});
