import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attendanceValues,
  scheduleSessionInputSchema,
  sessionDurations,
  type Attendance,
  type CareSession,
  type ScheduleSessionInput,
} from '@twofold/core/care/session.schemas';
import {
  assignHomeworkInputSchema,
  communicationTargets,
  homeworkInstruments,
  homeworkKinds,
  type HomeworkKind,
} from '@twofold/core/care/homework.schemas';
import { copingTools } from '@twofold/core/recovery/coping.schemas';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { formatDate, formatDay } from '../../../lib/format';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import {
  useAssignHomework,
  useCancelSession,
  useCoupleHomework,
  useCoupleSessions,
  useRecordAttendance,
  useRescheduleSession,
  useScheduleSession,
  useWithdrawHomework,
} from '../api/use-care';
import { SelectField, SessionSummary, useHomeworkLabel } from './care-labels';
import '../care.css';

/** A partner of the couple who accepted the program (the route passes them from the caseload). */
export interface PartnerInCare {
  id: string;
  displayName: string;
}

function serverErrors(error: unknown, fieldMessage: (message: string) => string): Record<string, string> {
  return isApiProblem(error)
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)]))
    : {};
}

interface SessionValues {
  who: string;
  date: string;
  time: string;
  durationMinutes: number;
  where: 'place' | 'video';
  place: string;
  videoUrl: string;
}

function toInput(values: SessionValues) {
  return {
    start: { date: values.date, time: values.time },
    durationMinutes: values.durationMinutes,
    place: values.where === 'place' ? values.place.trim() || null : null,
    videoUrl: values.where === 'video' ? values.videoUrl.trim() || null : null,
  };
}

function SessionFields({
  values,
  set,
  errors,
  partners,
}: {
  values: SessionValues;
  set: (change: Partial<SessionValues>) => void;
  errors: Record<string, string>;
  partners: PartnerInCare[] | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {partners ? (
        <SelectField
          label={t('care.sessions.who')}
          name="format"
          value={values.who}
          onChange={(who) => set({ who })}
          error={errors['format'] ?? errors['partnerId']}
        >
          {partners.length === 2 ? (
            <option value="joint">{t('care.sessions.jointWith', { names: partners.map((p) => p.displayName).join(' & ') })}</option>
          ) : null}
          {partners.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {t('care.sessions.individualWith', { name: partner.displayName })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="care-form__row">
        <TextField
          label={t('care.sessions.date')}
          name="start"
          type="date"
          value={values.date}
          onChange={(e) => set({ date: e.target.value })}
          error={errors['start']}
        />
        <TextField
          label={t('care.sessions.startTime')}
          name="time"
          type="time"
          value={values.time}
          onChange={(e) => set({ time: e.target.value })}
        />
      </div>
      <SelectField
        label={t('care.sessions.duration')}
        name="durationMinutes"
        value={String(values.durationMinutes)}
        onChange={(minutes) => set({ durationMinutes: Number(minutes) })}
        error={errors['durationMinutes']}
      >
        {sessionDurations.map((minutes) => (
          <option key={minutes} value={minutes}>
            {t('care.sessions.minutes', { count: minutes })}
          </option>
        ))}
      </SelectField>
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('care.sessions.where')}</legend>
        {(['place', 'video'] as const).map((where) => (
          <label key={where} className="choice">
            <input type="radio" name="where" value={where} checked={values.where === where} onChange={() => set({ where })} />{' '}
            {t(`care.sessions.whereOptions.${where}`)}
          </label>
        ))}
      </fieldset>
      {values.where === 'place' ? (
        <TextField
          label={t('care.sessions.place')}
          hint={t('care.sessions.placeHint')}
          name="place"
          maxLength={200}
          value={values.place}
          onChange={(e) => set({ place: e.target.value })}
          error={errors['place']}
        />
      ) : (
        <TextField
          label={t('care.sessions.videoUrl')}
          hint={t('care.sessions.videoUrlHint')}
          name="videoUrl"
          type="url"
          inputMode="url"
          maxLength={500}
          value={values.videoUrl}
          onChange={(e) => set({ videoUrl: e.target.value })}
          error={errors['videoUrl'] ?? errors['place']}
        />
      )}
    </>
  );
}

/** A clinician schedules a joint session or an individual one, on their own clock. */
export function ScheduleSessionForm({ programId, coupleId, partners }: { programId: string; coupleId: string; partners: PartnerInCare[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const schedule = useScheduleSession(programId, coupleId);
  const form = useRef<HTMLFormElement>(null);
  const initial: SessionValues = {
    who: partners.length === 2 ? 'joint' : (partners[0]?.id ?? ''),
    date: '',
    time: '17:00',
    durationMinutes: 50,
    where: 'place',
    place: '',
    videoUrl: '',
  };
  const [values, setValues] = useState<SessionValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<CareSession | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      format: values.who === 'joint' ? 'joint' : 'individual',
      partnerId: values.who === 'joint' ? null : values.who,
      ...toInput(values),
    };
    const checked = validateWith(scheduleSessionInputSchema, input, {
      start: t('care.sessions.dateInvalid'),
      place: t('care.sessions.placeInvalid'),
      videoUrl: t('care.sessions.videoUrlInvalid'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, ['format', 'start', 'place', 'videoUrl'], checked.errors);
      return;
    }
    setErrors({});
    try {
      setDone(await schedule.mutateAsync(checked.data as ScheduleSessionInput));
      setValues(initial);
    } catch (error) {
      setErrors(serverErrors(error, fieldMessage));
    }
  };

  return (
    <form ref={form} className="form care-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {schedule.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(schedule.error)}</Notice> : null}
      {done ? <Notice tone="success">{t('care.sessions.scheduled')}</Notice> : null}
      <SessionFields values={values} set={(change) => setValues({ ...values, ...change })} errors={errors} partners={partners} />
      <button type="submit" className="button button--primary" disabled={schedule.isPending}>
        {t('care.sessions.schedule')}
      </button>
    </form>
  );
}

function SessionActions({ programId, coupleId, session }: { programId: string; coupleId: string; session: CareSession }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const attendance = useRecordAttendance(programId, coupleId);
  const reschedule = useRescheduleSession(programId, coupleId);
  const cancel = useCancelSession(programId, coupleId);
  const [marks, setMarks] = useState<Record<string, string>>(
    Object.fromEntries(session.participants.map((participant) => [participant.personId, participant.attendance ?? ''])),
  );
  const [moving, setMoving] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [values, setValues] = useState<SessionValues>({
    who: '',
    date: session.local.date,
    time: session.local.time,
    durationMinutes: session.durationMinutes,
    where: session.place ? 'place' : 'video',
    place: session.place ?? '',
    videoUrl: session.videoUrl ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!session.can.recordAttendance && !session.can.reschedule) {
    return null;
  }
  const problem = attendance.error ?? reschedule.error ?? cancel.error;
  return (
    <div className="stack care-session__actions">
      {problem && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(problem)}</Notice> : null}
      <fieldset className="care-attendance">
        <legend>{t('care.attendance.title')}</legend>
        {session.participants.map((participant) => (
          <SelectField
            key={participant.personId}
            label={participant.displayName}
            name={`attendance-${participant.personId}`}
            value={marks[participant.personId] ?? ''}
            onChange={(value) => setMarks({ ...marks, [participant.personId]: value })}
          >
            <option value="">{t('care.attendance.notRecorded')}</option>
            {attendanceValues.map((value) => (
              <option key={value} value={value}>
                {t(`care.attendance.${value}`)}
              </option>
            ))}
          </SelectField>
        ))}
        <button
          type="button"
          className="button"
          disabled={attendance.isPending}
          onClick={() =>
            attendance.mutate({
              id: session.id,
              input: {
                attendance: session.participants.map((participant) => ({
                  personId: participant.personId,
                  attendance: (marks[participant.personId] || null) as Attendance | null,
                })),
              },
            })
          }
        >
          {t('care.attendance.save')}
        </button>
        {attendance.isSuccess ? <p role="status">{t('app.saved')}</p> : null}
      </fieldset>
      {moving ? (
        <form
          className="form care-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            reschedule.mutate(
              { id: session.id, input: toInput(values) },
              { onSuccess: () => setMoving(false), onError: (error) => setErrors(serverErrors(error, fieldMessage)) },
            );
          }}
        >
          <SessionFields values={values} set={(change) => setValues({ ...values, ...change })} errors={errors} partners={null} />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={reschedule.isPending}>
              {t('care.sessions.saveNewTime')}
            </button>
            <button type="button" className="button" onClick={() => setMoving(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setMoving(true)}>
            {t('care.sessions.reschedule')}
          </button>
          {confirmCancel ? (
            <>
              <button type="button" className="button button--danger" disabled={cancel.isPending} onClick={() => cancel.mutate(session.id)}>
                {t('care.sessions.confirmCancel')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmCancel(false)}>
                {t('care.sessions.keep')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmCancel(true)}>
              {t('care.sessions.cancel')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The couple's sessions for the clinician: each with who takes part, attendance, reschedule and cancel. */
export function CoupleSessions({ programId, coupleId }: { programId: string; coupleId: string }) {
  const { t } = useTranslation();
  const sessions = useCoupleSessions(programId, coupleId);
  if (sessions.isPending) {
    return <Loading />;
  }
  if (sessions.isError) {
    return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  if (sessions.data.length === 0) {
    return <p className="empty">{t('care.sessions.noneForCouple')}</p>;
  }
  return (
    <ul className="plain-list care-list">
      {[...sessions.data].reverse().map((session) => (
        <li key={session.id} className="card">
          <SessionSummary session={session} />
          <p className="muted">{t('care.sessions.participants', { names: session.participants.map((p) => p.displayName).join(' & ') })}</p>
          <SessionActions programId={programId} coupleId={coupleId} session={session} />
        </li>
      ))}
    </ul>
  );
}

const targetsOf = (kind: HomeworkKind): readonly string[] =>
  kind === 'skill-practice'
    ? copingTools
    : kind === 'communication-exercise'
      ? communicationTargets
      : kind === 'assessment'
        ? homeworkInstruments
        : [];

/** A clinician assigns homework to one partner or both. */
export function AssignHomeworkForm({ programId, coupleId, partners }: { programId: string; coupleId: string; partners: PartnerInCare[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const label = useHomeworkLabel();
  const assign = useAssignHomework(programId, coupleId);
  const form = useRef<HTMLFormElement>(null);
  const initial = {
    who: partners.length === 2 ? 'both' : (partners[0]?.id ?? ''),
    kind: 'skill-practice' as HomeworkKind,
    target: copingTools[0] as string,
    dueDate: '',
    instructions: '',
  };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [assigned, setAssigned] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      assignees: values.who === 'both' ? partners.map((partner) => partner.id) : [values.who],
      kind: values.kind,
      target: values.kind === 'plan-review' ? null : values.target,
      dueDate: values.dueDate,
      instructions: values.instructions,
    };
    const checked = validateWith(assignHomeworkInputSchema, input, {
      dueDate: t('care.homework.dueInvalid'),
      'instructions.too_big': t('validation.tooLong', { max: 1000 }),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, ['assignees', 'kind', 'target', 'dueDate', 'instructions'], checked.errors);
      return;
    }
    setErrors({});
    try {
      await assign.mutateAsync(checked.data);
      setAssigned(true);
      setValues(initial);
    } catch (error) {
      setErrors(serverErrors(error, fieldMessage));
    }
  };

  return (
    <form ref={form} className="form care-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {assign.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(assign.error)}</Notice> : null}
      {assigned ? <Notice tone="success">{t('care.homework.assigned')}</Notice> : null}
      <SelectField
        label={t('care.homework.for')}
        name="assignees"
        value={values.who}
        onChange={(who) => setValues({ ...values, who })}
        error={errors['assignees']}
      >
        {partners.length === 2 ? (
          <option value="both">{t('care.homework.both', { names: partners.map((p) => p.displayName).join(' & ') })}</option>
        ) : null}
        {partners.map((partner) => (
          <option key={partner.id} value={partner.id}>
            {partner.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('care.homework.kind')}
        name="kind"
        value={values.kind}
        onChange={(kind) => setValues({ ...values, kind: kind as HomeworkKind, target: targetsOf(kind as HomeworkKind)[0] ?? '' })}
      >
        {homeworkKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`care.homework.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      {values.kind === 'plan-review' ? null : (
        <SelectField
          label={t('care.homework.target')}
          name="target"
          value={values.target}
          onChange={(target) => setValues({ ...values, target })}
          error={errors['target']}
        >
          {targetsOf(values.kind).map((target) => (
            <option key={target} value={target}>
              {label(values.kind, target)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t('care.homework.dueDate')}
        name="dueDate"
        type="date"
        value={values.dueDate}
        onChange={(e) => setValues({ ...values, dueDate: e.target.value })}
        error={errors['dueDate']}
      />
      <TextAreaField
        label={t('care.homework.instructions')}
        hint={t('care.homework.instructionsHint')}
        name="instructions"
        maxLength={1000}
        rows={3}
        value={values.instructions}
        onChange={(e) => setValues({ ...values, instructions: e.target.value })}
        error={errors['instructions']}
      />
      <button type="submit" className="button button--primary" disabled={assign.isPending}>
        {t('care.homework.assign')}
      </button>
    </form>
  );
}

/** The couple's homework with each partner's completion, for the clinician. */
export function CoupleHomework({ programId, coupleId }: { programId: string; coupleId: string }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const homework = useCoupleHomework(programId, coupleId);
  const withdraw = useWithdrawHomework(programId, coupleId);
  const label = useHomeworkLabel();
  if (homework.isPending) {
    return <Loading />;
  }
  if (homework.isError) {
    return <LoadError error={homework.error} onRetry={() => void homework.refetch()} />;
  }
  if (homework.data.length === 0) {
    return <p className="empty">{t('care.homework.noneForCouple')}</p>;
  }
  return (
    <div className="stack">
      {withdraw.isError ? <Notice tone="error">{problemText(withdraw.error)}</Notice> : null}
      <ul className="plain-list care-list">
        {[...homework.data].reverse().map((item) => (
          <li key={item.id} className="card care-homework">
            <p className="care-homework__kind muted">{t(`care.homework.kinds.${item.kind}`)}</p>
            <p>
              <strong>{label(item.kind, item.target)}</strong>
              {item.withdrawn ? <span className="badge">{t('care.homework.withdrawn')}</span> : null}
            </p>
            <p>{t('care.homework.due', { date: formatDay(item.dueDate, i18n.language, { dateStyle: 'medium' }) })}</p>
            {item.instructions ? <p className="care-homework__instructions">{item.instructions}</p> : null}
            <ul className="plain-list">
              {item.assignees.map((assignee) => (
                <li key={assignee.personId}>
                  {assignee.displayName}:{' '}
                  {assignee.doneAt
                    ? t(assignee.how === 'linked' ? 'care.homework.statusLinked' : 'care.homework.statusMarked', {
                        date: formatDate(assignee.doneAt, i18n.language),
                      })
                    : t('care.homework.statusOpen')}
                </li>
              ))}
            </ul>
            {item.can.withdraw ? (
              <button type="button" className="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate(item.id)}>
                {t('care.homework.withdraw')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
