import { useTranslation } from 'react-i18next';
import type { CareTeamJointWork } from '@twofold/core/together/care-team.schemas';
import { Section } from '../../../components/ui/page';
import { LoadError, Loading } from '../../../components/ui/loading';
import { ApiProblem } from '../../../lib/problem';
import { useCareTeamJointWork } from '../api/use-together';
import { formatDay } from '../dates';
import '../together.css';

function nameOf(work: CareTeamJointWork, id: string | null): string {
  return work.partners.find((partner) => partner.id === id)?.displayName ?? '';
}

/**
 * A couple's joint work as their clinician sees it: read only, and only while both partners share
 * it with the care team (the server decides; a 404 means not shared, or not this clinician's).
 */
export function CareTeamJointWorkView({ programId, coupleId }: { programId: string; coupleId: string }) {
  const { t, i18n } = useTranslation();
  const work = useCareTeamJointWork(programId, coupleId);
  if (work.isPending) {
    return <Loading />;
  }
  if (work.isError) {
    if (work.error instanceof ApiProblem && work.error.status === 404) {
      return <p className="empty">{t('together.careTeam.notShared')}</p>;
    }
    return <LoadError error={work.error} onRetry={() => void work.refetch()} />;
  }
  const data = work.data;
  const day = (date: string) => formatDay(date, i18n.language, { day: 'numeric', month: 'short' });
  const { counts, streak } = data.trustDiscussion;
  const active = data.contract.active;
  return (
    <div className="stack">
      <p>{data.partners.map((partner) => partner.displayName).join(' & ')}</p>
      <Section title={t('together.careTeam.contract')} id="care-contract">
        <p>
          {t(`together.careTeam.contractStatus.${data.contract.status}`, {
            version: active?.version ?? data.contract.latest?.version ?? 0,
          })}
        </p>
        {active ? (
          <ul>
            <li>{t('together.careTeam.discussionAt', { time: active.discussionTime })}</li>
            {active.parts.map((part) => (
              <li key={part.partnerId}>
                {t('together.careTeam.intention', { name: nameOf(data, part.partnerId), intention: part.intention })}
                {part.medication ? ` · ${t('together.careTeam.medication', { medication: part.medication })}` : ''}
                {part.meetings ? ` · ${t('together.careTeam.meetings', { meetings: part.meetings })}` : ''}
              </li>
            ))}
            {active.otherItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section title={t('together.careTeam.trust')} id="care-trust">
        {data.trustDiscussion.start === null ? (
          <p>{t('together.careTeam.noCalendar')}</p>
        ) : (
          <>
            <p>
              {t('together.careTeam.adherence', {
                from: day(data.trustDiscussion.from),
                to: day(data.trustDiscussion.to),
                done: counts.done,
                partly: counts.partly,
                missed: counts.missed,
                pending: counts.pending,
              })}
            </p>
            <p>{t('together.careTeam.streaks', { current: streak.current, best: streak.best })}</p>
          </>
        )}
      </Section>
      <Section title={t('together.careTeam.commitments')} id="care-commitments">
        <ul>
          {data.commitments.followThrough.map((f) => (
            <li key={f.partnerId}>
              {nameOf(data, f.partnerId)}: {t('together.commitments.followThrough', { kept: f.kept, missed: f.missed, open: f.open })}
            </li>
          ))}
        </ul>
        {data.commitments.commitments.length === 0 ? <p className="empty">{t('together.careTeam.none')}</p> : null}
        <ul className="plain-list item-list">
          {data.commitments.commitments.map((c) => (
            <li key={c.id} className="item">
              <p className="item__text prewrap">{c.text}</p>
              <p className="muted">
                {nameOf(data, c.authorId)} · {t('together.commitments.by', { day: day(c.dueDate) })} ·{' '}
                {c.outcome ? t(`together.commitments.outcome.${c.outcome}`) : t('together.commitments.open')}
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('together.careTeam.boundaries')} id="care-boundaries">
        {data.boundaries.length === 0 ? <p className="empty">{t('together.careTeam.none')}</p> : null}
        <ul className="plain-list item-list">
          {data.boundaries.map((b) => (
            <li key={b.id} className="item">
              <p className="item__text prewrap">{b.text}</p>
              <p className="muted">
                {nameOf(data, b.authorId)} ·{' '}
                {b.response ? t(`together.careTeam.response.${b.response}`) : t('together.careTeam.response.none')}
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('together.careTeam.goals')} id="care-goals">
        {data.goals.length === 0 && data.activities.length === 0 ? <p className="empty">{t('together.careTeam.none')}</p> : null}
        <ul className="plain-list item-list">
          {data.goals.map((g) => (
            <li key={g.id} className="item">
              <p className="item__title">{g.title}</p>
              <p className="muted">
                {t('together.goals.progress', { done: g.milestones.filter((m) => m.doneAt).length, total: g.milestones.length })}
              </p>
            </li>
          ))}
          {data.activities.map((a) => (
            <li key={a.id} className="item">
              <p className="item__title">{a.title}</p>
              <p className="muted">
                {a.doneAt
                  ? t('together.careTeam.activityDone', { ratings: a.ratings.map((r) => r.rating).join(', ') || '—' })
                  : t('together.careTeam.activityPlanned')}
              </p>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
