import { describe, expect, it } from 'vitest';
import { runKill9Durability } from './kill9-harness';

// Two kill -9 cycles of the real server process; `npm run test:durability` runs many more.
// A functional check, not a timed one: only losses and errors fail it.
describe('kill -9 during writes', () => {
  it('keeps every write answered 2xx and restarts without manual repair', async () => {
    const report = await runKill9Durability({ cycles: 2, dialect: 'pglite', couples: 1, killAfterMs: [1500, 2500] });
    expect(report.errors).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.acknowledgedWrites).toBeGreaterThan(0);
    expect(report.checks).toBeGreaterThan(0);
  }, 180_000);
});
