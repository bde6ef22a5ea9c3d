import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, CoupleGoal } from '@twofold/core/together/future.schemas';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import {
  useActivities,
  useAddMilestone,
  useCelebrations,
  useChangeActivity,
  useChangeCoupleGoal,
  useCoupleGoals,
  useCreateCoupleGoal,
  useDeleteActivity,
  useDeleteCoupleGoal,
  useMarkActivityDone,
  usePlanActivity,
  useRateActivity,
  useTickMilestone,
} from '../api/use-together';
import { formatDay } from '../dates';
import type { CouplePeople } from '../people';
import { ItemActions } from './item-actions';
import { TitleAndDateEdit } from './item-edit';
import '../together.css';

function NewGoal() {
  const { t } = useTranslation();
  const create = useCreateCoupleGoal();
  const problemText = useProblemText();
  const [title, setTitle] = useState('');
  const [milestones, setMilestones] = useState('');
  const [targetDate, setTargetDate] = useState('');
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            title: title.trim(),
            targetDate: targetDate === '' ? null : targetDate,
            milestones: milestones
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== '')
              .slice(0, 20)
              .map((line) => ({ title: line })),
          },
          {
            onSuccess: () => {
              setTitle('');
              setMilestones('');
              setTargetDate('');
            },
          },
        );
      }}
    >
      <TextField
        label={t('together.goals.titleField')}
        name="title"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('together.goals.milestonesField')}
        hint={t('together.goals.milestonesHint')}
        name="milestones"
        value={milestones}
        onChange={(e) => setMilestones(e.target.value)}
      />
      <TextField
        label={t('together.goals.targetField')}
        name="targetDate"
        type="date"
        value={targetDate}
        onChange={(e) => setTargetDate(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t('together.goals.add')}
      </button>
      {create.isError ? <Notice tone="error">{problemText(create.error)}</Notice> : null}
    </form>
  );
}

function GoalEdit({ goal, onDone }: { goal: CoupleGoal; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeCoupleGoal();
  return (
    <TitleAndDateEdit
      title={goal.title}
      date={goal.targetDate}
      titleLabel={t('together.goals.titleField')}
      dateLabel={t('together.goals.targetField')}
      dateName="targetDate"
      isPending={change.isPending}
      error={change.error}
      onSave={(title, targetDate) => change.mutate({ id: goal.id, input: { title, targetDate } }, { onSuccess: onDone })}
      onDone={onDone}
    />
  );
}

function AddMilestone({ goal }: { goal: CoupleGoal }) {
  const { t } = useTranslation();
  const add = useAddMilestone();
  const problemText = useProblemText();
  const [title, setTitle] = useState('');
  return (
    <form
      className="form"
      aria-label={t('together.goals.addMilestoneTo', { title: goal.title })}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ goalId: goal.id, title: title.trim() }, { onSuccess: () => setTitle('') });
      }}
    >
      <TextField
        label={t('together.goals.newMilestone')}
        name="milestone"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={add.isPending}>
        {t('together.goals.addMilestone')}
      </button>
      {add.isError ? <Notice tone="error">{problemText(add.error)}</Notice> : null}
    </form>
  );
}

function GoalItem({ goal, people }: { goal: CoupleGoal; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const tick = useTickMilestone(people.me.id);
  const remove = useDeleteCoupleGoal();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  const done = goal.milestones.filter((m) => m.doneAt).length;
  if (editing) {
    return (
      <li className="item">
        <GoalEdit goal={goal} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="item">
      <h4 className="item__title">{goal.title}</h4>
      <p className="muted">
        {t('together.goals.progress', { done, total: goal.milestones.length })}
        {goal.targetDate ? ` · ${t('together.goals.by', { day: formatDay(goal.targetDate, i18n.language, { dateStyle: 'long' }) })}` : ''}
        {goal.reachedAt ? ` · ${t('together.goals.reached')}` : ''}
        {goal.createdBy && goal.createdBy !== people.me.id ? ` · ${t('together.goals.writtenBy', { name: people.partner.name })}` : ''}
      </p>
      <ul className="plain-list milestones">
        {goal.milestones.map((milestone) => {
          const id = `milestone-${milestone.id}`;
          return (
            <li key={milestone.id} className="field field--check">
              <input
                id={id}
                type="checkbox"
                checked={milestone.doneAt !== null}
                disabled={tick.isPending}
                onChange={(event) => tick.mutate({ goalId: goal.id, milestoneId: milestone.id, done: event.target.checked })}
              />
              <label htmlFor={id}>
                {milestone.title}
                {milestone.doneBy ? (
                  <span className="muted">
                    {' '}
                    (
                    {milestone.doneBy === people.me.id
                      ? t('together.goals.tickedByYou')
                      : t('together.goals.tickedBy', { name: people.partner.name })}
                    )
                  </span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
      {goal.can.addMilestone ? <AddMilestone goal={goal} /> : null}
      {goal.can.edit ? (
        <ItemActions
          what={goal.title}
          onChange={() => setEditing(true)}
          onDelete={() => remove.mutate(goal.id)}
          isPending={remove.isPending}
        />
      ) : null}
      {tick.isError || remove.isError ? <Notice tone="error">{problemText(tick.error ?? remove.error)}</Notice> : null}
    </li>
  );
}

/** Our goals, with milestones either of us can tick. */
export function SharedGoals({ people }: { people: CouplePeople }) {
  const { t } = useTranslation();
  const goals = useCoupleGoals();
  if (goals.isPending) {
    return <Loading />;
  }
  if (goals.isError) {
    return <LoadError error={goals.error} onRetry={() => void goals.refetch()} />;
  }
  return (
    <div className="stack">
      {goals.data.goals.length === 0 ? <p className="empty">{t('together.goals.none')}</p> : null}
      <ul className="plain-list item-list">
        {goals.data.goals.map((goal) => (
          <GoalItem key={goal.id} goal={goal} people={people} />
        ))}
      </ul>
      <details className="disclosure">
        <summary>{t('together.goals.new')}</summary>
        <NewGoal />
      </details>
    </div>
  );
}

function ActivityEdit({ activity, onDone }: { activity: Activity; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeActivity();
  return (
    <TitleAndDateEdit
      title={activity.title}
      date={activity.plannedFor}
      titleLabel={t('together.activities.titleField')}
      dateLabel={t('together.activities.dateField')}
      dateName="plannedFor"
      isPending={change.isPending}
      error={change.error}
      onSave={(title, plannedFor) => change.mutate({ id: activity.id, input: { title, plannedFor } }, { onSuccess: onDone })}
      onDone={onDone}
    />
  );
}

function ActivityItem({ activity, people }: { activity: Activity; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const done = useMarkActivityDone();
  const rate = useRateActivity();
  const remove = useDeleteActivity();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="item">
        <ActivityEdit activity={activity} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const myRating = activity.ratings.find((r) => r.partnerId === people.me.id)?.rating ?? null;
  const theirRating = activity.ratings.find((r) => r.partnerId === people.partner.id)?.rating ?? null;
  return (
    <li className="item">
      <h4 className="item__title">{activity.title}</h4>
      <p className="muted">
        {activity.doneAt
          ? t('together.activities.doneOn', {
              day: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(activity.doneAt)),
            })
          : activity.plannedFor
            ? t('together.activities.plannedFor', {
                day: formatDay(activity.plannedFor, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' }),
              })
            : t('together.activities.noDate')}
      </p>
      <button
        type="button"
        className="button button--secondary"
        aria-pressed={activity.doneAt !== null}
        disabled={done.isPending}
        onClick={() => done.mutate({ id: activity.id, done: activity.doneAt === null })}
      >
        {t('together.activities.weDidIt')}
      </button>
      {activity.can.rate ? (
        <fieldset className="choice-group rating">
          <legend className="choice-group__legend">{t('together.activities.rateLegend', { title: activity.title })}</legend>
          <div className="button-row">
            {[1, 2, 3, 4, 5].map((rating) => (
              <button
                key={rating}
                type="button"
                className="button button--secondary rating__button"
                aria-pressed={myRating === rating}
                aria-label={t('together.activities.rating', { rating })}
                disabled={rate.isPending}
                onClick={() => rate.mutate({ id: activity.id, rating })}
              >
                {rating}
              </button>
            ))}
          </div>
          <p className="muted">{t('together.activities.scale')}</p>
        </fieldset>
      ) : null}
      {activity.doneAt ? (
        <p>
          {myRating ? t('together.activities.yourRating', { rating: myRating }) : t('together.activities.youNotRated')}{' '}
          {theirRating
            ? t('together.activities.partnerRating', { name: people.partner.name, rating: theirRating })
            : t('together.activities.partnerNotRated', { name: people.partner.name })}
        </p>
      ) : null}
      {activity.can.edit ? (
        <ItemActions
          what={activity.title}
          onChange={() => setEditing(true)}
          onDelete={() => remove.mutate(activity.id)}
          isPending={remove.isPending}
        />
      ) : null}
      {done.isError || rate.isError || remove.isError ? (
        <Notice tone="error">{problemText(done.error ?? rate.error ?? remove.error)}</Notice>
      ) : null}
    </li>
  );
}

/** The Shared Rewarding Activities planner: plan it, do it, each rates how it went for themselves. */
export function ActivitiesPlanner({ people }: { people: CouplePeople }) {
  const { t } = useTranslation();
  const activities = useActivities();
  const plan = usePlanActivity();
  const problemText = useProblemText();
  const [title, setTitle] = useState('');
  const [plannedFor, setPlannedFor] = useState('');
  return (
    <div className="stack">
      <p>{t('together.activities.intro')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          plan.mutate(
            { title: title.trim(), plannedFor: plannedFor === '' ? null : plannedFor },
            {
              onSuccess: () => {
                setTitle('');
                setPlannedFor('');
              },
            },
          );
        }}
      >
        <TextField
          label={t('together.activities.titleField')}
          hint={t('together.activities.titleHint')}
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('together.activities.dateField')}
          name="plannedFor"
          type="date"
          value={plannedFor}
          onChange={(e) => setPlannedFor(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={plan.isPending}>
          {t('together.activities.plan')}
        </button>
        {plan.isError ? <Notice tone="error">{problemText(plan.error)}</Notice> : null}
      </form>
      {activities.isPending ? <Loading /> : null}
      {activities.isError ? <LoadError error={activities.error} onRetry={() => void activities.refetch()} /> : null}
      {activities.data ? (
        activities.data.activities.length === 0 ? (
          <p className="empty">{t('together.activities.none')}</p>
        ) : (
          <ul className="plain-list item-list">
            {activities.data.activities.map((activity) => (
              <ActivityItem key={activity.id} activity={activity} people={people} />
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/** What we reached together, the same on both phones. */
export function Celebrations() {
  const { t, i18n } = useTranslation();
  const list = useCelebrations();
  if (list.isPending) {
    return <Loading />;
  }
  if (list.isError) {
    return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (list.data.celebrations.length === 0) {
    return <p className="empty">{t('together.celebrations.none')}</p>;
  }
  return (
    <ul className="plain-list celebration-list">
      {list.data.celebrations.map((item, index) => (
        <li key={`${item.kind}-${item.goalId ?? ''}-${item.milestoneId ?? ''}-${item.days ?? ''}-${index}`} className="celebration">
          <span aria-hidden="true" className="celebration__mark">
            ✦
          </span>{' '}
          {t(`together.celebrations.kind.${item.kind}`, { title: item.title ?? '', count: item.days ?? 0 })}
          {item.at ? (
            <span className="muted"> · {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(item.at))}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
