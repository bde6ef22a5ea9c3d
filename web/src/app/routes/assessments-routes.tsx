import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '@twofold/core/assessments/assessment.schemas';
import { isInstrumentId } from '@twofold/core/assessments/instruments';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import {
  useInstruments,
  useMyAssessments,
  useSchedules,
  type ServedInstrument,
  type Submitted,
} from '../../features/assessments/api/use-assessments';
import { CoupleAttachment } from '../../features/assessments/components/attachment-view';
import { CheckUpList, DueNow } from '../../features/assessments/components/check-ups';
import { QuestionnaireForm, type SafetyFlowKind } from '../../features/assessments/components/questionnaire-form';
import { ResultView } from '../../features/assessments/components/result-view';
import { SafetyFlow } from '../../features/assessments/components/safety-flow';
import { useSafetyScreen } from '../../features/safety/api/use-safety-screen';
import { useCrisisResources } from '../../features/safety/api/use-crisis-resources';
import { CrisisResourceList } from '../../features/safety/components/crisis-help';
import { SafetyScreenOutcome, SafetyScreenPrivacy } from '../../features/safety/components/safety-screen';
import { RecoveryNav, recoveryPaths } from '../recovery-nav';

const firstKinds: Record<SafetyFlowKind, string[]> = { 'self-harm': ['suicide', 'emergency', 'text'], ipv: ['ipv', 'emergency'] };

/** The deployment's crisis lines, those that fit the flow first (988 for self-harm, the violence hotline for a safety screen). */
function CrisisLines({ flow }: { flow: SafetyFlowKind }) {
  const crisis = useCrisisResources(true);
  const first = crisis.resources.filter((resource) => firstKinds[flow].includes(resource.kind));
  const rest = crisis.resources.filter((resource) => !firstKinds[flow].includes(resource.kind));
  return <CrisisResourceList resources={[...first, ...rest]} />;
}

const renderCrisis = (flow: SafetyFlowKind) => <CrisisLines flow={flow} />;

function NextSteps() {
  const { t } = useTranslation();
  return (
    <p className="button-row">
      <Link to={recoveryPaths.coping} className="button button--secondary">
        {t('assessments.safetyFlow.toCoping')}
      </Link>
      <Link to={`${recoveryPaths.coping}#supports-heading`} className="button button--secondary">
        {t('assessments.safetyFlow.toSupports')}
      </Link>
    </p>
  );
}

/** Check-ups: what is due, every offered questionnaire by family, my last results, how often each is due. */
export function CheckUpsRoute() {
  const { t } = useTranslation();
  const instruments = useInstruments();
  const schedules = useSchedules();
  const mine = useMyAssessments();
  const title = t('assessments.list.title');
  if (instruments.isPending || schedules.isPending || mine.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const error = instruments.error ?? schedules.error ?? mine.error;
  if (error || !instruments.data || !schedules.data || !mine.data) {
    return (
      <Page title={title}>
        <LoadError
          error={error}
          onRetry={() => {
            void instruments.refetch();
            void schedules.refetch();
            void mine.refetch();
          }}
        />
      </Page>
    );
  }
  const offered = instruments.data.instruments.filter((instrument) => instrument.family !== 'safety');
  const offersScreen = instruments.data.instruments.some((instrument) => instrument.id === 'hark');
  return (
    <Page title={title} intro={t('assessments.list.intro')}>
      <RecoveryNav />
      <Section title={t('assessments.list.dueTitle')} id="due">
        <DueNow instruments={offered} schedules={schedules.data.schedules} />
      </Section>
      {offersScreen ? (
        <Section title={t('assessments.list.screenTitle')} id="safety-screen">
          <p>{t('assessments.list.screenBody')}</p>
          <Link to="/me/safety-screen" className="button button--secondary">
            {t('assessments.list.screenLink')}
          </Link>
        </Section>
      ) : null}
      <CheckUpList instruments={offered} schedules={schedules.data.schedules} assessments={mine.data} />
      <Section title={t('assessments.list.exportTitle')} id="export">
        <p>{t('assessments.list.exportBody')}</p>
        <a href="/api/me/assessments/fhir" download="twofold-assessments.fhir.json" className="button button--secondary">
          {t('assessments.list.exportLink')}
        </a>
      </Section>
      <p className="aside">
        {t('assessments.list.sharing')} <Link to="/sharing">{t('assessments.list.sharingLink')}</Link>
      </p>
    </Page>
  );
}

/** The offered questionnaire named in the address, or null (not offered here, or not a questionnaire). */
function useOfferedInstrument(): {
  instrument: ServedInstrument | null;
  ptsdCutoff: 3 | 4;
  state: 'pending' | 'error' | 'ready';
  error: unknown;
  retry: () => void;
} {
  const { instrumentId = '' } = useParams();
  const instruments = useInstruments();
  const instrument = isInstrumentId(instrumentId)
    ? (instruments.data?.instruments.find((candidate) => candidate.id === instrumentId) ?? null)
    : null;
  return {
    instrument,
    ptsdCutoff: instruments.data?.ptsdCutoff ?? 3,
    state: instruments.isPending ? 'pending' : instruments.isError ? 'error' : 'ready',
    error: instruments.error,
    retry: () => void instruments.refetch(),
  };
}

function NotOffered() {
  const { t } = useTranslation();
  return (
    <Page title={t('assessments.notOffered.title')}>
      <p>{t('assessments.notOffered.body')}</p>
      <Link to="/me/assessments">{t('assessments.backToList')}</Link>
    </Page>
  );
}

/** After saving: the safety flow when an answer called for it, then the result and its trend. */
function AfterSubmit({
  instrument,
  submitted,
  ptsdCutoff,
  flow,
}: {
  instrument: ServedInstrument;
  submitted: Submitted;
  ptsdCutoff: 3 | 4;
  flow: SafetyFlowKind | null;
}) {
  const { t } = useTranslation();
  const history = useMyAssessments(instrument.id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const flowTitle = document.getElementById('safety-flow-title');
    if (flowTitle) {
      flowTitle.focus();
    } else {
      heading.current?.focus();
    }
  }, []);
  return (
    <div className="stack">
      {flow ? (
        <SafetyFlow
          flow={flow}
          safety={submitted.safety}
          alreadySaved={submitted.alreadySaved}
          renderCrisis={renderCrisis}
          nextSteps={<NextSteps />}
        />
      ) : null}
      <section className="card" aria-labelledby="result-title">
        <h2 className="card__title" id="result-title" ref={heading} tabIndex={-1}>
          {submitted.alreadySaved ? t('assessments.result.alreadySaved') : t('assessments.result.saved')}
        </h2>
        <ResultView
          instrument={instrument}
          assessment={submitted.assessment}
          history={history.data ?? [submitted.assessment]}
          ptsdCutoff={ptsdCutoff}
        />
      </section>
      {instrument.id === 'ecr-s' ? <CoupleAttachment /> : null}
      <Link to="/me/assessments">{t('assessments.backToList')}</Link>
    </div>
  );
}

/** Fill in one questionnaire on a phone, then see the result. */
export function QuestionnaireRoute() {
  const { t } = useTranslation();
  const { instrument, ptsdCutoff, state, error, retry } = useOfferedInstrument();
  const [submitted, setSubmitted] = useState<{ result: Submitted; flow: SafetyFlowKind | null } | null>(null);
  if (state === 'pending') {
    return (
      <Page title={t('assessments.list.title')}>
        <Loading />
      </Page>
    );
  }
  if (state === 'error') {
    return (
      <Page title={t('assessments.list.title')}>
        <LoadError error={error} onRetry={retry} />
      </Page>
    );
  }
  if (!instrument) {
    return <NotOffered />;
  }
  if (instrument.id === 'hark') {
    return <Navigate to="/me/safety-screen" replace />;
  }
  const title = t(`assessments.about.${instrument.id}.title`);
  return (
    <Page title={title} intro={t(`assessments.about.${instrument.id}.measures`)} focusKey={submitted ? 'done' : 'form'}>
      {submitted ? (
        <AfterSubmit instrument={instrument} submitted={submitted.result} ptsdCutoff={ptsdCutoff} flow={submitted.flow} />
      ) : (
        <>
          <p className="muted">{t('assessments.form.private')}</p>
          <QuestionnaireForm
            instrument={instrument}
            renderCrisis={renderCrisis}
            onSubmitted={(result) => setSubmitted({ result, flow: result.safety?.flow ?? result.assessment.safetyFlow })}
            notNowLink={<Link to="/me/assessments">{t('assessments.form.notNow')}</Link>}
            groundingHint={
              <p>
                <Link to={recoveryPaths.coping}>{t('assessments.form.grounding')}</Link>
              </p>
            }
          />
        </>
      )}
    </Page>
  );
}

/** My results of one questionnaire: the latest, and the trend. */
export function ResultsRoute() {
  const { t } = useTranslation();
  const { instrument, ptsdCutoff, state, error, retry } = useOfferedInstrument();
  const { instrumentId = '' } = useParams();
  const history = useMyAssessments(isInstrumentId(instrumentId) ? instrumentId : undefined);
  if (state === 'pending' || (instrument && history.isPending)) {
    return (
      <Page title={t('assessments.list.title')}>
        <Loading />
      </Page>
    );
  }
  if (state === 'error' || history.isError) {
    return (
      <Page title={t('assessments.list.title')}>
        <LoadError error={error ?? history.error} onRetry={retry} />
      </Page>
    );
  }
  if (!instrument || instrument.id === 'hark') {
    return <NotOffered />;
  }
  const results: Assessment[] = history.data ?? [];
  const latest = results[0];
  return (
    <Page title={t('assessments.result.title', { name: t(`assessments.about.${instrument.id}.title`) })}>
      {latest ? (
        <Section title={t('assessments.result.latest')} id="latest">
          <ResultView instrument={instrument} assessment={latest} history={results} ptsdCutoff={ptsdCutoff} />
        </Section>
      ) : (
        <p className="empty">{t('assessments.result.none')}</p>
      )}
      {instrument.id === 'ecr-s' ? <CoupleAttachment /> : null}
      <p className="button-row">
        <Link to={`/me/assessments/${instrument.id}`} className="button button--primary">
          {t('assessments.list.again')}
        </Link>
        <Link to="/me/assessments" className="button button--ghost">
          {t('assessments.backToList')}
        </Link>
      </p>
    </Page>
  );
}

/** The private relationship-safety screen (HARK). */
export function SafetyScreenRoute() {
  const { t } = useTranslation();
  const screen = useSafetyScreen();
  const instruments = useInstruments();
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const title = t('safetyScreen.title');
  if (screen.isPending || instruments.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (screen.isError || instruments.isError) {
    return (
      <Page title={title}>
        <LoadError error={screen.error ?? instruments.error} onRetry={() => void screen.refetch()} />
      </Page>
    );
  }
  const hark = instruments.data.instruments.find((instrument) => instrument.id === 'hark');
  return (
    <Page title={title} intro={t('safetyScreen.intro')} focusKey={screen.data.status}>
      <SafetyScreenPrivacy />
      {submitted?.safety ? (
        // The support lines follow right below (the outcome of the screen), so they are not repeated here.
        <SafetyFlow
          flow="ipv"
          safety={submitted.safety}
          alreadySaved={submitted.alreadySaved}
          renderCrisis={() => null}
          nextSteps={<NextSteps />}
        />
      ) : null}
      {hark ? (
        <SafetyScreenOutcome
          key={screen.data.screenedAt ?? 'none'}
          status={screen.data}
          form={<QuestionnaireForm instrument={hark} renderCrisis={renderCrisis} onSubmitted={(result) => setSubmitted(result)} />}
        />
      ) : (
        <p>{t('safetyScreen.notOffered')}</p>
      )}
      <p className="aside">
        <Link to="/me/assessments">{t('assessments.backToList')}</Link>
      </p>
    </Page>
  );
}
