import { type Kysely, sql } from 'kysely';

/**
 * The care team (issue 8): which clinicians care for which couple, consent records, and staff
 * who hold more than one role in a program.
 *
 * - `couple_clinicians`: a couple's clinicians in one program (a couple's caseload is the couples
 *   assigned to a clinician). A clinician reads a partner's data only for a couple assigned to them.
 * - `care_consents`: a partner grants one program access to one kind of their data, for a stated
 *   purpose, until a date (42 CFR Part 2 style). At most one open record per person, program and
 *   kind; a record is never deleted or rewritten but ended (`ended_at`, `end_reason`), so the
 *   person keeps seeing every consent they gave and the accesses made under it.
 * - `program_staff` keys on the role too: a program admin may also be a clinician of the program
 *   (small practices), and sees clinical content only in that second role.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table program_staff drop constraint program_staff_pk`.execute(db);
  await sql`alter table program_staff add constraint program_staff_pk primary key (program_id, user_id, role)`.execute(db);

  await db.schema
    .createTable('couple_clinicians')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', (c) => c.notNull().references('couples.id').onDelete('cascade'))
    .addColumn('clinician_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('couple_clinicians_pk', ['program_id', 'couple_id', 'clinician_id'])
    .execute();
  // "My caseload": the couples of one clinician in one program.
  await db.schema.createIndex('couple_clinicians_clinician').on('couple_clinicians').columns(['clinician_id', 'program_id']).execute();
  await db.schema.createIndex('couple_clinicians_couple').on('couple_clinicians').column('couple_id').execute();
  // Couples already in a program stay with the clinician who invited them.
  await sql`
    insert into couple_clinicians (program_id, couple_id, clinician_id, assigned_by, assigned_at)
    select distinct on (e.program_id, e.couple_id, e.invited_by) e.program_id, e.couple_id, e.invited_by, e.invited_by, e.invited_at
    from program_enrollments e
    join program_staff s on s.program_id = e.program_id and s.user_id = e.invited_by and s.role = 'clinician'
    where e.ended_at is null
    order by e.program_id, e.couple_id, e.invited_by, e.invited_at`.execute(db);

  await db.schema
    .createTable('care_consents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('treatment', 'care-coordination', 'progress-reporting')`))
    .addColumn('purpose_note_ciphertext', 'text')
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason in ('revoked', 'renewed', 'left-program')`))
    .addCheckConstraint('care_consents_ended', sql`(ended_at is null) = (end_reason is null)`)
    .addCheckConstraint('care_consents_window', sql`expires_at > granted_at`)
    .execute();
  await sql`create unique index care_consents_open on care_consents (owner_id, program_id, kind) where ended_at is null`.execute(db);
  await db.schema.createIndex('care_consents_program_owner').on('care_consents').columns(['program_id', 'owner_id']).execute();
  // What people already shared with the care team of a program they had accepted was their
  // consent under the earlier rule; it carries over as a consent for treatment, for one year.
  await sql`
    insert into care_consents (owner_id, program_id, kind, purpose, granted_at, expires_at)
    select s.owner_id, e.program_id, s.kind, 'treatment', least(now(), greatest(e.accepted_at, s.updated_at)), now() + interval '1 year'
    from sharing_settings s
    join program_enrollments e on e.user_id = s.owner_id and e.accepted_at is not null and e.ended_at is null
    where s.audience in ('care-team', 'both')`.execute(db);
}
