import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareSession } from '@twofold/core/care/session.schemas';
import type { HomeworkKind } from '@twofold/core/care/homework.schemas';
import { skills, type SkillLocale } from '@twofold/core/communication/skills';
import { FieldFrame } from '../../../components/ui/field';
import { formatDay } from '../../../lib/format';

/** A select wired like the other fields (label, hint, error). */
export function SelectField({
  label,
  hint,
  error,
  name,
  value,
  onChange,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          className="input select"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** What the homework asks for, in the person's language: the tool, the skill, the questionnaire or the plan. */
export function useHomeworkLabel(): (kind: HomeworkKind, target: string | null) => string {
  const { t, i18n } = useTranslation();
  const locale: SkillLocale = i18n.language.startsWith('es') ? 'es' : 'en';
  return (kind, target) => {
    switch (kind) {
      case 'skill-practice':
        return t(`recovery.coping.tools.${target ?? ''}.name`, { defaultValue: target ?? '' });
      case 'communication-exercise':
        return target === 'speaker-listener'
          ? t('care.homework.speakerListener')
          : (skills.find((skill) => skill.id === target)?.text[locale].title ?? target ?? '');
      case 'assessment':
        return t(`assessments.about.${target ?? ''}.title`, { defaultValue: target ?? '' });
      case 'plan-review':
        return t('care.homework.planReview');
    }
  };
}

/** Where in the app the partner does it. */
export function homeworkPath(kind: HomeworkKind, target: string | null): string {
  switch (kind) {
    case 'skill-practice':
      return '/me/coping';
    case 'communication-exercise':
      return target === 'speaker-listener' ? '/us/talk' : '/us/talk#skills';
    case 'assessment':
      return `/me/assessments/${encodeURIComponent(target ?? '')}`;
    case 'plan-review':
      return '/us/plan';
  }
}

/** When and where a session is, on the viewer's own clock, with its state. */
export function SessionSummary({ session, viewerId }: { session: CareSession; viewerId?: string }) {
  const { t, i18n } = useTranslation();
  const mine = viewerId ? session.participants.find((participant) => participant.personId === viewerId) : undefined;
  return (
    <div className="care-session">
      <p className="care-session__title">
        <strong>{t(`care.sessions.format.${session.format}`)}</strong>
        {session.status === 'cancelled' ? <span className="badge badge--cancelled">{t('care.sessions.cancelled')}</span> : null}
      </p>
      <p>
        {formatDay(session.local.date, i18n.language)} ·{' '}
        {t('care.sessions.time', { start: session.local.time, end: session.local.endTime })}
      </p>
      <p className="muted">{t('care.sessions.timeZone', { zone: session.local.timeZone })}</p>
      {session.place ? <p>{t('care.sessions.placeIs', { place: session.place })}</p> : null}
      {session.videoUrl ? (
        <p>
          <a href={session.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('care.sessions.videoLink')}
          </a>
        </p>
      ) : null}
      {session.clinician ? <p className="muted">{t('care.sessions.with', { name: session.clinician.displayName })}</p> : null}
      {mine?.attendance ? (
        <p className="muted">{t('care.sessions.myAttendance', { value: t(`care.attendance.${mine.attendance}`) })}</p>
      ) : null}
    </div>
  );
}
