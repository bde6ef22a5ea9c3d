import { sql } from 'kysely';
import type { z } from 'zod';
import { type SkillLocale, skillSources, skills } from '@twofold/core/communication/skills';
import { checkDraft, type DraftCheck } from '@twofold/core/communication/blame-helper';
import type { Practice, SkillView, checkDraftInputSchema, practiceInputSchema } from '@twofold/core/communication/skills.schemas';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { clock, todayIn } from '../../platform/local-date';
import { findTimeZone } from '../intake/intake.service';

/**
 * The skills library is for everyone signed in, in a couple or not: a partner on their own gets
 * the same communicating-without-blame skills (PRODUCT.md, "People"). The practice log is the
 * person's own record; nobody else reads or writes it.
 */
export async function listSkills(
  db: Db,
  actor: Actor,
  locale: SkillLocale | undefined,
): Promise<{ locale: SkillLocale; skills: SkillView[] }> {
  const [user, counts] = await Promise.all([
    locale ? Promise.resolve(undefined) : db.selectFrom('users').select('locale').where('id', '=', actor.userId).executeTakeFirst(),
    db
      .selectFrom('skillPractices')
      .select(['skillId', sql<number>`count(*)::int`.as('count'), sql<string>`max(local_date)::text`.as('lastDate')])
      .where('ownerId', '=', actor.userId)
      .groupBy('skillId')
      .execute(),
  ]);
  const chosen: SkillLocale = locale ?? (user?.locale === 'es' ? 'es' : 'en');
  return {
    locale: chosen,
    skills: skills.map((skill) => {
      const practice = counts.find((row) => row.skillId === skill.id);
      return {
        id: skill.id,
        ...skill.text[chosen],
        steps: [...skill.text[chosen].steps],
        sources: skill.sources.map((id) => ({ id, citation: skillSources[id] })),
        practice: { count: practice?.count ?? 0, lastDate: practice?.lastDate ?? null },
      };
    }),
  };
}

const toPractice = (row: { id: string; skillId: string; localDate: string; practicedAt: Date }): Practice => ({
  id: row.id,
  skillId: row.skillId as Practice['skillId'],
  date: row.localDate,
  practicedAt: row.practicedAt.toISOString(),
});

/** Marks a skill's practice prompt done today (the actor's own record; once a day per skill). */
export async function recordPractice(db: Db, actor: Actor, input: z.output<typeof practiceInputSchema>): Promise<Practice> {
  const today = todayIn(actor.timeZone ?? (await findTimeZone(db, actor.userId)), clock.now());
  await db
    .insertInto('skillPractices')
    .values({ ownerId: actor.userId, skillId: input.skillId, localDate: today })
    .onConflict((conflict) => conflict.columns(['ownerId', 'skillId', 'localDate']).doNothing())
    .execute();
  const row = await db
    .selectFrom('skillPractices')
    .select(['id', 'skillId', 'localDate', 'practicedAt'])
    .where('ownerId', '=', actor.userId)
    .where('skillId', '=', input.skillId)
    .where('localDate', '=', today)
    .executeTakeFirstOrThrow();
  return toPractice(row);
}

export async function listPractices(db: Db, actor: Actor): Promise<Practice[]> {
  const rows = await db
    .selectFrom('skillPractices')
    .select(['id', 'skillId', 'localDate', 'practicedAt'])
    .where('ownerId', '=', actor.userId)
    .orderBy('practicedAt', 'desc')
    .limit(500)
    .execute();
  return rows.map(toPractice);
}

/** The blame-language helper on the server: stateless, the draft is neither stored nor logged. */
export function checkDraftText(input: z.output<typeof checkDraftInputSchema>): DraftCheck {
  return checkDraft(input.draft, input.locale);
}
