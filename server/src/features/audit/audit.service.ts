import type { AccessEvent } from '@twofold/core/audit/audit.schemas';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/sessions';

/** Every access anyone made to the actor's data, newest first: "who looked at my data". */
export async function findAccessToMyData(db: Db, actor: Actor, limit = 200): Promise<AccessEvent[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.actorId')
    .select([
      'auditEvents.id',
      'auditEvents.at',
      'auditEvents.actorId',
      'auditEvents.kind',
      'auditEvents.purpose',
      'auditEvents.relation',
      'users.displayName',
    ])
    .where('auditEvents.subjectId', '=', actor.userId)
    .where('auditEvents.action', '=', 'read')
    .orderBy('auditEvents.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    // A view derived from several kinds is written `<view>:<kind>+<kind>` (access/caseload.ts).
    const [kind, basedOn] = row.kind.split(':') as [string, string | undefined];
    return {
      id: String(row.id),
      at: row.at.toISOString(),
      viewer: { id: row.actorId, displayName: row.displayName ?? 'A deleted account', relation: row.relation },
      kind: kind as AccessEvent['kind'],
      ...(basedOn === undefined ? {} : { basedOn: basedOn.split('+') as NonNullable<AccessEvent['basedOn']> }),
      action: 'read' as const,
      purpose: row.purpose,
    };
  });
}
