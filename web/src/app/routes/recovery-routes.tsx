import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { copingTools, type CopingTool } from '@twofold/core/recovery/coping.schemas';
import type { Checkin } from '@twofold/core/recovery/checkin.schemas';
import { LoadError, Loading } from '../../components/ui/loading';
import { Notice } from '../../components/ui/notice';
import { Page, Section } from '../../components/ui/page';
import type { DataKind } from '@twofold/core/sharing/data-kinds';
import { GoalForm, GoalList } from '../../features/goals/components/goals';
import { JournalEditor, JournalList } from '../../features/journal/components/journal';
import { useCheckins, useIntake, useRecoverySummary, useTriggers } from '../../features/recovery/api/use-recovery';
import { CheckinForm } from '../../features/recovery/components/checkin-form';
import { HelpedMost, SupportContacts, ToolList } from '../../features/recovery/components/coping-toolbox';
import { CountersCard } from '../../features/recovery/components/counters-card';
import { CravingNow } from '../../features/recovery/components/craving-now';
import { IntakeForm, ReflectionForm } from '../../features/recovery/components/intake-form';
import { RecoveryCalendar } from '../../features/recovery/components/recovery-calendar';
import { TrendCharts } from '../../features/recovery/components/trend-charts';
import { TriggerLogForm, TriggerLogList } from '../../features/recovery/components/trigger-log';
import { useSharingSettings } from '../../features/sharing/api/use-sharing';
import { useKindText } from '../../features/sharing/components/sharing-settings';
import { addDays, addMonths, daysOfMonth, deviceToday, formatDay, monthOf } from '../../features/recovery/dates';
import '../../features/recovery/recovery.css';
import { RecoveryNav, recoveryPaths } from '../recovery-nav';

/** Who sees these kinds right now, from my sharing settings, with the way to change it. */
function SharingLine({ kinds }: { kinds: DataKind[] }) {
  const { t } = useTranslation();
  const sharing = useSharingSettings();
  const kindText = useKindText();
  if (!sharing.data) {
    return null;
  }
  const parts = kinds.map((kind) => {
    const audience = sharing.data.settings.find((setting) => setting.kind === kind)?.audience ?? 'private';
    return t('recovery.sharingLine.item', { what: kindText(kind).label, audience: t(`sharing.audienceShort.${audience}`) });
  });
  return (
    <p className="sharing-note">
      {parts.join(' ')} <Link to="/sharing">{t('recovery.sharingLine.change')}</Link>
    </p>
  );
}

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

function Counters() {
  const { t } = useTranslation();
  const summary = useRecoverySummary();
  const intake = useIntake();
  if (summary.isPending || intake.isPending) {
    return <Loading />;
  }
  if (summary.isError) {
    return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const intakeDone = intake.isError || intake.data.updatedAt !== null;
  return (
    <CountersCard
      summary={summary.data}
      intakeDone={intakeDone}
      intakeLink={<Link to={recoveryPaths.intake}>{intakeDone ? t('recovery.counters.toIntake') : t('recovery.today.intakeLink')}</Link>}
    />
  );
}

/** Today: the 30-second check-in (or a missed day, from the calendar), then the counters. */
export function TodayRoute() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const device = deviceToday();
  const raw = params.get('date');
  // A day in the future is not asked for: today is shown instead.
  const asked = isDate(raw) && raw <= addDays(device, 1) ? raw : null;
  // An older day needs only itself (the answer carries "today" anyway); otherwise today ± 1 day,
  // since the person's time zone may differ from this device's.
  const olderDay = asked !== null && asked < addDays(device, -1);
  const checkins = useCheckins(olderDay ? asked : addDays(device, -1), olderDay ? asked : addDays(device, 1));
  const intake = useIntake();
  const triggers = useTriggers();
  const [saved, setSaved] = useState<Checkin | null>(null);

  const today = checkins.data?.today;
  const date = isDate(asked) && today && asked <= today ? asked : today;
  const existing = checkins.data?.checkins.find((checkin) => checkin.date === date) ?? null;
  const isToday = date === today;
  const title = isToday || !date ? t('recovery.today.title') : t('recovery.today.pastTitle');

  let body;
  if (checkins.isPending || intake.isPending || triggers.isPending) {
    body = <Loading />;
  } else if (checkins.isError || intake.isError || triggers.isError) {
    const error = checkins.error ?? intake.error ?? triggers.error;
    body = <LoadError error={error} onRetry={() => void Promise.all([checkins.refetch(), intake.refetch(), triggers.refetch()])} />;
  } else if (date) {
    const dayText = formatDay(date, i18n.language);
    body = (
      <>
        {intake.data && intake.data.updatedAt === null ? (
          <Notice tone="info">
            <p>
              {t('recovery.today.intakeFirst')} <Link to={recoveryPaths.intake}>{t('recovery.today.intakeLink')}</Link>
            </p>
          </Notice>
        ) : null}
        {saved ? (
          <Notice tone={saved.used ? 'warm' : 'success'} live="status" focusOnMount>
            <p className="notice__title">{saved.isLate ? t('recovery.today.savedLate', { day: dayText }) : t('recovery.today.saved')}</p>
            {saved.used ? (
              <>
                <p>{t('recovery.today.usedWarmth')}</p>
                <p>
                  <Link to={recoveryPaths.coping}>{t('recovery.today.usedCoping')}</Link>
                </p>
              </>
            ) : (
              <p>{t('recovery.today.thanks')}</p>
            )}
          </Notice>
        ) : null}
        <Section title={saved ? t('recovery.counters.title') : t('recovery.today.formTitle', { day: dayText })} id="checkin">
          {saved ? (
            <>
              <Counters />
              <div className="button-row">
                <Link to={recoveryPaths.calendar} className="button button--secondary">
                  {t('recovery.today.seeCalendar')}
                </Link>
                {saved.can.edit ? (
                  <button type="button" className="button button--ghost" onClick={() => setSaved(null)}>
                    {t('recovery.today.change')}
                  </button>
                ) : null}
              </div>
            </>
          ) : existing && !existing.can.edit ? (
            <p>{t('recovery.today.alreadyFilled', { day: dayText })}</p>
          ) : (
            <>
              {!isToday ? <p>{t('recovery.today.lateNote', { day: dayText })}</p> : null}
              {existing ? <p className="muted">{t('recovery.today.editing')}</p> : <p className="muted">{t('recovery.today.intro')}</p>}
              <SharingLine kinds={['checkins']} />
              <CheckinForm
                key={`${date}-${existing?.updatedAt ?? 'new'}`}
                date={date}
                checkin={existing}
                mySubstances={intake.data?.substances ?? []}
                triggers={triggers.data?.triggers ?? []}
                cravingNowPath={recoveryPaths.cravingNow}
                onSaved={setSaved}
                isPast={!isToday}
              />
            </>
          )}
        </Section>
        {saved ? null : (
          <Section title={t('recovery.counters.title')} id="counters">
            <SharingLine kinds={['milestones']} />
            <Counters />
          </Section>
        )}
      </>
    );
  }
  return (
    <Page title={title} focusKey={saved ? 'saved' : 'form'}>
      <RecoveryNav />
      {body}
    </Page>
  );
}

/** My calendar (Timeline Followback style) and my trends over 30 or 90 days. */
export function CalendarRoute() {
  const { t } = useTranslation();
  const device = deviceToday();
  const [month, setMonth] = useState(monthOf(device));
  const [span, setSpan] = useState<30 | 90>(30);
  const days = daysOfMonth(month);
  const monthFrom = days[0] ?? `${month}-01`;
  const monthTo = days[days.length - 1] ?? monthFrom;
  const monthData = useCheckins(monthFrom, monthTo);
  const trendData = useCheckins(addDays(device, -90), addDays(device, 1));
  const summary = useRecoverySummary();
  const today = monthData.data?.today ?? trendData.data?.today ?? device;
  return (
    <Page title={t('recovery.calendar.title')}>
      <RecoveryNav />
      <Section title={t('recovery.calendar.monthTitle')} id="calendar">
        <SharingLine kinds={['checkins']} />
        {monthData.isError ? (
          <LoadError error={monthData.error} onRetry={() => void monthData.refetch()} />
        ) : (
          <RecoveryCalendar
            month={month}
            today={today}
            checkins={monthData.data?.checkins ?? []}
            startDate={summary.data?.recoveryStartDate ?? null}
            onMonthChange={(delta) => setMonth(addMonths(month, delta))}
            fillInPath={(date) => `${recoveryPaths.today}?date=${date}`}
            lapseDates={summary.data?.lapseDates ?? []}
          />
        )}
        {monthData.isPending ? <Loading /> : null}
      </Section>
      <Section title={t('recovery.trends.title')} id="trends">
        <div className="button-row" role="group" aria-label={t('recovery.trends.span')}>
          {([30, 90] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="button button--secondary"
              aria-pressed={span === value}
              onClick={() => setSpan(value)}
            >
              {t('recovery.trends.days', { count: value })}
            </button>
          ))}
        </div>
        {trendData.isPending ? <Loading /> : null}
        {trendData.isError ? <LoadError error={trendData.error} onRetry={() => void trendData.refetch()} /> : null}
        {trendData.data ? <TrendCharts checkins={trendData.data.checkins} today={trendData.data.today} days={span} /> : null}
      </Section>
    </Page>
  );
}

/** The coping toolbox: the tools explained with their sources, what helped me, and my supports. */
export function CopingRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('recovery.coping.title')} intro={t('recovery.coping.intro')}>
      <RecoveryNav />
      <div className="columns">
        <Section title={t('recovery.coping.toolsTitle')} id="tools">
          <SharingLine kinds={['coping']} />
          <ToolList startPath={(tool) => `${recoveryPaths.cravingNow}?tool=${tool}`} />
        </Section>
        <div className="stack">
          <Section title={t('recovery.coping.statsTitle')} id="helped">
            <HelpedMost />
          </Section>
          <Section title={t('recovery.coping.supportsTitle')} id="supports">
            <p>{t('recovery.coping.supportsIntro')}</p>
            <SupportContacts />
          </Section>
        </div>
      </div>
    </Page>
  );
}

/** "Craving now": one tap from every screen of the area. */
export function CravingNowRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('tool');
  const tool = copingTools.find((candidate) => candidate === asked) as CopingTool | undefined;
  return (
    <Page title={t('recovery.cravingNow.title')} intro={t('recovery.cravingNow.intro')} narrow>
      <RecoveryNav />
      <Section title={t('recovery.cravingNow.sectionTitle')} id="craving-now">
        <CravingNow
          supportsPath={`${recoveryPaths.coping}#supports-heading`}
          toolboxPath={recoveryPaths.coping}
          todayPath={recoveryPaths.today}
          {...(tool ? { initialTool: tool } : {})}
        />
      </Section>
    </Page>
  );
}

export function TriggersRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('recovery.triggers.title')} intro={t('recovery.triggers.intro')}>
      <RecoveryNav />
      <div className="columns">
        <Section title={t('recovery.triggers.newTitle')} id="new-trigger">
          <SharingLine kinds={['triggers']} />
          <TriggerLogForm />
        </Section>
        <Section title={t('recovery.triggers.listTitle')} id="trigger-log">
          <TriggerLogList />
        </Section>
      </div>
    </Page>
  );
}

export function JournalRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('journal.title')} intro={t('journal.intro')}>
      <RecoveryNav />
      <div className="columns">
        <Section title={t('journal.writeTitle')} id="write">
          <JournalEditor entry={null} />
        </Section>
        <Section title={t('journal.entriesTitle')} id="entries">
          <JournalList />
        </Section>
      </div>
    </Page>
  );
}

export function GoalsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('goals.pageTitle')} intro={t('goals.intro')}>
      <RecoveryNav />
      <div className="columns">
        <Section title={t('goals.listTitle')} id="goals">
          <SharingLine kinds={['goals']} />
          <GoalList />
        </Section>
        <Section title={t('goals.newTitle')} id="new-goal">
          <GoalForm />
        </Section>
      </div>
    </Page>
  );
}

export function IntakeRoute() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('recovery.intake.title')} intro={t('recovery.intake.intro')}>
      <RecoveryNav />
      <div className="columns">
        <div className="stack">
          <Section title={t('recovery.intake.sectionTitle')} id="intake">
            <SharingLine kinds={['intake']} />
            <IntakeForm today={deviceToday()} onSaved={() => setSaved(true)} />
            {saved ? (
              <p>
                <Link to={recoveryPaths.today}>{t('recovery.intake.toCheckin')}</Link>
              </p>
            ) : null}
          </Section>
        </div>
        <Section title={t('recovery.reflection.title')} id="reflection">
          <SharingLine kinds={['relationship-reflection']} />
          <ReflectionForm />
        </Section>
      </div>
    </Page>
  );
}
