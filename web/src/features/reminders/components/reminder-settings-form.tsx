import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  reminderSettingsInputSchema,
  sessionLeadMinutes,
  type ReminderSettings,
  type ReminderSettingsInput,
  type SessionLeadMinutes,
} from '@twofold/core/reminders/reminder.schemas';
import { TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { validateWith } from '../../../lib/validation';
import {
  useRegisterPushSubscription,
  useReminderSettings,
  useSaveReminderSettings,
  useUnregisterPushSubscription,
} from '../api/use-reminders';
import { pushSupport, rememberSubscriptionId, rememberedSubscriptionId, subscribeThisDevice } from '../push';
import '../reminders.css';

function Check({
  id,
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Editor({ current }: { current: ReminderSettings }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const save = useSaveReminderSettings();
  const register = useRegisterPushSubscription();
  const unregister = useUnregisterPushSubscription();
  const [values, setValues] = useState<ReminderSettingsInput>(current.settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // "Saved." stays while the form shows what was saved.
  const [savedValues, setSavedValues] = useState<string | null>(null);
  const saved = savedValues === JSON.stringify(values);
  const [pushProblem, setPushProblem] = useState<string | null>(null);

  const support = pushSupport();
  const pushPossible = current.push.publicKey !== null && support === 'available';
  const set = <K extends keyof ReminderSettingsInput>(key: K, value: ReminderSettingsInput[K]) => setValues({ ...values, [key]: value });
  const timeError = (path: string) => (errors[path] ? t('reminders.timeInvalid') : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(reminderSettingsInputSchema, values, {});
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setPushProblem(null);
    let input = checked.data;
    // Push: this device subscribes when turned on, and is forgotten when turned off.
    if (input.channels.push && !current.settings.channels.push && current.push.publicKey !== null) {
      const subscription = await subscribeThisDevice(current.push.publicKey).catch(() => null);
      if (subscription === null) {
        setPushProblem(t('reminders.pushNotAllowed'));
        input = { ...input, channels: { ...input.channels, push: false } };
      } else {
        rememberSubscriptionId((await register.mutateAsync(subscription)).id);
      }
    } else if (!input.channels.push && current.settings.channels.push) {
      const id = rememberedSubscriptionId();
      if (id !== null) {
        await unregister.mutateAsync(id).catch(() => undefined);
        rememberSubscriptionId(null);
      }
    }
    await save.mutateAsync(input);
    setValues(input);
    setSavedValues(JSON.stringify(input));
  };

  const medicationTimes = values.medication.times;
  return (
    <form className="form reminder-settings" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('reminders.timeZone', { zone: current.timeZone })}</p>
      {save.isError ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('reminders.whatTitle')}</legend>
        <Check
          id="reminder-check-in"
          label={t('reminders.checkIn')}
          hint={t('reminders.checkInHint')}
          checked={values.checkIn.enabled}
          onChange={(enabled) => set('checkIn', { ...values.checkIn, enabled })}
        />
        {values.checkIn.enabled ? (
          <TextField
            label={t('reminders.checkInTime')}
            name="checkInTime"
            type="time"
            value={values.checkIn.time}
            error={timeError('checkIn')}
            onChange={(event) => set('checkIn', { ...values.checkIn, time: event.target.value })}
          />
        ) : null}
        <Check
          id="reminder-trust"
          label={t('reminders.trustDiscussion')}
          hint={t('reminders.trustDiscussionHint')}
          checked={values.trustDiscussion.enabled}
          onChange={(enabled) => set('trustDiscussion', { enabled })}
        />
        <Check
          id="reminder-assessments"
          label={t('reminders.assessmentDue')}
          hint={t('reminders.assessmentDueHint')}
          checked={values.assessmentDue.enabled}
          onChange={(enabled) => set('assessmentDue', { ...values.assessmentDue, enabled })}
        />
        {values.assessmentDue.enabled ? (
          <TextField
            label={t('reminders.assessmentTime')}
            name="assessmentTime"
            type="time"
            value={values.assessmentDue.time}
            error={timeError('assessmentDue')}
            onChange={(event) => set('assessmentDue', { ...values.assessmentDue, time: event.target.value })}
          />
        ) : null}
        <Check
          id="reminder-medication"
          label={t('reminders.medication')}
          hint={t('reminders.medicationHint')}
          checked={values.medication.enabled}
          onChange={(enabled) => set('medication', { ...values.medication, enabled })}
        />
        {values.medication.enabled ? (
          <div className="reminder-times">
            {medicationTimes.map((time, index) => (
              <div className="reminder-times__row" key={index}>
                <TextField
                  label={t('reminders.medicationTime', { n: index + 1 })}
                  name={`medicationTime${index}`}
                  type="time"
                  value={time}
                  error={
                    errors['medication']
                      ? new Set(medicationTimes).size === medicationTimes.length
                        ? t('reminders.timeInvalid')
                        : t('reminders.timesRepeated')
                      : undefined
                  }
                  onChange={(event) =>
                    set('medication', {
                      ...values.medication,
                      times: medicationTimes.map((old, at) => (at === index ? event.target.value : old)),
                    })
                  }
                />
                {medicationTimes.length > 1 ? (
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => set('medication', { ...values.medication, times: medicationTimes.filter((_, at) => at !== index) })}
                  >
                    {t('reminders.removeTime', { n: index + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            {medicationTimes.length < 4 ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => set('medication', { ...values.medication, times: [...medicationTimes, '20:00'] })}
              >
                {t('reminders.addTime')}
              </button>
            ) : null}
          </div>
        ) : null}
        <Check
          id="reminder-plan-review"
          label={t('reminders.planReview')}
          hint={t('reminders.planReviewHint')}
          checked={values.planReview.enabled}
          onChange={(enabled) => set('planReview', { ...values.planReview, enabled })}
        />
        {values.planReview.enabled ? (
          <TextField
            label={t('reminders.planReviewTime')}
            name="planReviewTime"
            type="time"
            value={values.planReview.time}
            error={timeError('planReview')}
            onChange={(event) => set('planReview', { ...values.planReview, time: event.target.value })}
          />
        ) : null}
        <Check
          id="reminder-weekly-summary"
          label={t('reminders.weeklySummary')}
          hint={t('reminders.weeklySummaryHint')}
          checked={values.weeklySummary.enabled}
          onChange={(enabled) => set('weeklySummary', { enabled })}
        />
        <Check
          id="reminder-session"
          label={t('reminders.session')}
          hint={t('reminders.sessionHint')}
          checked={values.session.enabled}
          onChange={(enabled) => set('session', { ...values.session, enabled })}
        />
        {values.session.enabled ? (
          <div className="field">
            <label className="field__label" htmlFor="reminder-session-lead">
              {t('reminders.sessionLead')}
            </label>
            <select
              id="reminder-session-lead"
              name="sessionLead"
              className="input select"
              value={values.session.leadMinutes}
              onChange={(event) => set('session', { ...values.session, leadMinutes: Number(event.target.value) as SessionLeadMinutes })}
            >
              {sessionLeadMinutes.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t(`reminders.sessionLeads.${minutes}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('reminders.channelsTitle')}</legend>
        <p className="muted">{t('reminders.channelsIntro')}</p>
        <Check
          id="reminder-in-app"
          label={t('reminders.inApp')}
          checked={values.channels.inApp}
          onChange={(inApp) => set('channels', { ...values.channels, inApp })}
        />
        <Check
          id="reminder-email"
          label={t('reminders.email')}
          checked={values.channels.email}
          onChange={(email) => set('channels', { ...values.channels, email })}
        />
        <Check
          id="reminder-push"
          label={t('reminders.push')}
          hint={
            current.push.publicKey === null
              ? t('reminders.pushUnavailable')
              : support === 'unsupported'
                ? t('reminders.pushUnsupported')
                : support === 'denied'
                  ? t('reminders.pushDenied')
                  : undefined
          }
          checked={values.channels.push}
          disabled={!pushPossible && !values.channels.push}
          onChange={(push) => set('channels', { ...values.channels, push })}
        />
        {pushProblem ? <Notice tone="info">{pushProblem}</Notice> : null}
      </fieldset>

      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('reminders.quietTitle')}</legend>
        <Check
          id="reminder-quiet"
          label={t('reminders.quiet')}
          hint={t('reminders.quietHint')}
          checked={values.quietHours.enabled}
          onChange={(enabled) => set('quietHours', { ...values.quietHours, enabled })}
        />
        {values.quietHours.enabled ? (
          <div className="reminder-times__row">
            <TextField
              label={t('reminders.quietStart')}
              name="quietStart"
              type="time"
              value={values.quietHours.start}
              error={values.quietHours.start === values.quietHours.end ? undefined : timeError('quietHours')}
              onChange={(event) => set('quietHours', { ...values.quietHours, start: event.target.value })}
            />
            <TextField
              label={t('reminders.quietEnd')}
              name="quietEnd"
              type="time"
              value={values.quietHours.end}
              error={
                errors['quietHours']
                  ? values.quietHours.start === values.quietHours.end
                    ? t('reminders.quietSame')
                    : t('reminders.timeInvalid')
                  : undefined
              }
              onChange={(event) => set('quietHours', { ...values.quietHours, end: event.target.value })}
            />
          </div>
        ) : null}
        <p className="muted">{t('reminders.catchUp')}</p>
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('app.saving') : t('reminders.save')}
        </button>
        {saved ? (
          <p role="status" className="muted">
            {t('app.saved')}
          </p>
        ) : null}
      </div>
      <p>
        <Link to="/reminders">{t('reminders.listLink')}</Link>
      </p>
    </form>
  );
}

/** My reminder settings: what, when (in my time zone), how, and quiet hours. */
export function ReminderSettingsForm() {
  const settings = useReminderSettings();
  if (settings.isPending) {
    return <Loading />;
  }
  if (settings.isError) {
    return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return <Editor current={settings.data} />;
}
