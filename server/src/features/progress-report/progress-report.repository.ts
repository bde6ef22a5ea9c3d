import type { DbOrTx } from '../../platform/db';

/** The names a report prints in its header: the program's and the preparing clinician's. */
export async function findReportNames(db: DbOrTx, programId: string, clinicianId: string) {
  const [program, clinician] = await Promise.all([
    db.selectFrom('programs').select('name').where('id', '=', programId).executeTakeFirstOrThrow(),
    db.selectFrom('users').select('displayName').where('id', '=', clinicianId).executeTakeFirstOrThrow(),
  ]);
  return { programName: program.name, clinicianName: clinician.displayName };
}
