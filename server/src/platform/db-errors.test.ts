import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { isDatabaseUnavailable } from './db-errors';

function databaseError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

describe('isDatabaseUnavailable: what is answered 503 instead of 500', () => {
  it('recognises PostgreSQL down, stopping, starting or recovering, and a cut connection', () => {
    const unavailable = [
      databaseError('57P01', 'terminating connection due to administrator command'),
      databaseError('57P02', 'terminating connection because of crash of another server process'),
      databaseError('57P03', 'the database system is starting up'),
      databaseError('57P03', 'the database system is in recovery mode'),
      databaseError('08006', 'connection failure'),
      databaseError('53300', 'sorry, too many clients already'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
    ];
    for (const error of unavailable) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
    }
  });

  it('leaves every other error alone (a bug stays a 500, a rule stays its own answer)', () => {
    const others = [
      databaseError('23505', 'duplicate key value violates unique constraint'),
      databaseError('40001', 'could not serialize access'),
      databaseError('P0001', 'audit_events is append-only'),
      databaseError('42501', 'permission denied for table audit_events'),
      new DomainError('conflict', 'This changed in the meantime.'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('Something with Connection terminated in the middle'),
      'Connection terminated',
      null,
      undefined,
    ];
    for (const error of others) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
