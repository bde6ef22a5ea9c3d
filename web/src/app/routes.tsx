import type { RouteObject } from 'react-router';
import { AppShell } from './app-shell';
import { RouteError } from './route-error';
import { AccessLogRoute } from './routes/access-log-route';
import { CheckUpsRoute, QuestionnaireRoute, ResultsRoute, SafetyScreenRoute } from './routes/assessments-routes';
import { ConfirmRoute } from './routes/confirm-route';
import { HomeRoute } from './routes/home-route';
import { JoinRoute } from './routes/join-route';
import { LoginRoute } from './routes/login-route';
import { MeRoute } from './routes/me-route';
import { NotFoundRoute } from './routes/not-found-route';
import { ForgotPasswordRoute, ResetPasswordRoute } from './routes/password-routes';
import { CoupleOverviewRoute, NewProgramRoute, ProgramAdminRoute, ProgramRoute } from './routes/programs-routes';
import { CoupleCareRoute, MyCareRoute } from './routes/care-routes';
import { CoupleNotesRoute } from './routes/care-notes-routes';
import {
  CalendarRoute,
  CopingRoute,
  CravingNowRoute,
  GoalsRoute,
  IntakeRoute,
  JournalRoute,
  TodayRoute,
  TriggersRoute,
} from './routes/recovery-routes';
import { RequireSession } from './routes/require-session';
import { SettingsRoute } from './routes/settings-route';
import { ReminderSettingsRoute, RemindersRoute } from './routes/reminders-routes';
import { SharingRoute } from './routes/sharing-route';
import { ConsentsRoute } from './routes/consents-route';
import { SignupRoute } from './routes/signup-route';
import {
  AccountabilityRoute,
  CareTeamTogetherRoute,
  ContractRoute,
  FutureRoute,
  GuideRoute,
  TalkRoute,
  TrustDiscussionRoute,
  UsLayout,
} from './routes/together-routes';
import { UsRoute } from './routes/us-route';
import { InsightsRoute } from './routes/insights-route';
import { WeekRoute } from './routes/week-route';
import { CareTeamInsightsRoute } from './routes/care-team-insights-route';
import { PlanRoute } from './routes/plan-route';
import { LapseReflectRoute, LapseRoute, LapseStepsRoute, StrugglingRoute } from './routes/setbacks-routes';

/** Every page of the app. The browser and the tests build their routers from this one list. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'signup', element: <SignupRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'confirm', element: <ConfirmRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'join/:token', element: <JoinRoute /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'me', element: <MeRoute /> },
          { path: 'me/today', element: <TodayRoute /> },
          { path: 'me/calendar', element: <CalendarRoute /> },
          { path: 'me/coping', element: <CopingRoute /> },
          { path: 'me/craving-now', element: <CravingNowRoute /> },
          { path: 'me/triggers', element: <TriggersRoute /> },
          { path: 'me/journal', element: <JournalRoute /> },
          { path: 'me/goals', element: <GoalsRoute /> },
          { path: 'me/insights', element: <InsightsRoute /> },
          { path: 'me/week', element: <WeekRoute /> },
          { path: 'me/intake', element: <IntakeRoute /> },
          { path: 'me/assessments', element: <CheckUpsRoute /> },
          { path: 'me/assessments/:instrumentId', element: <QuestionnaireRoute /> },
          { path: 'me/assessments/:instrumentId/results', element: <ResultsRoute /> },
          { path: 'me/safety-screen', element: <SafetyScreenRoute /> },
          { path: 'me/struggling', element: <StrugglingRoute /> },
          { path: 'me/lapse', element: <LapseRoute /> },
          { path: 'me/lapse/:id', element: <LapseStepsRoute /> },
          { path: 'me/lapse/:id/reflect', element: <LapseReflectRoute /> },
          {
            path: 'us',
            element: <UsLayout />,
            children: [
              { index: true, element: <UsRoute /> },
              { path: 'trust-discussion', element: <TrustDiscussionRoute /> },
              { path: 'contract', element: <ContractRoute /> },
              { path: 'plan', element: <PlanRoute /> },
              { path: 'talk', element: <TalkRoute /> },
              { path: 'accountability', element: <AccountabilityRoute /> },
              { path: 'future', element: <FutureRoute /> },
              { path: 'guide', element: <GuideRoute /> },
            ],
          },
          { path: 'sharing', element: <SharingRoute /> },
          { path: 'access-log', element: <AccessLogRoute /> },
          { path: 'programs/new', element: <NewProgramRoute /> },
          { path: 'programs/:programId', element: <ProgramRoute /> },
          { path: 'programs/:programId/admin', element: <ProgramAdminRoute /> },
          { path: 'programs/:programId/couples/:coupleId/together', element: <CareTeamTogetherRoute /> },
          { path: 'programs/:programId/people/:personId/insights', element: <CareTeamInsightsRoute /> },
          { path: 'programs/:programId/couples/:coupleId/overview', element: <CoupleOverviewRoute /> },
          { path: 'programs/:programId/couples/:coupleId/care', element: <CoupleCareRoute /> },
          { path: 'care', element: <MyCareRoute /> },
          { path: 'programs/:programId/couples/:coupleId/notes', element: <CoupleNotesRoute /> },
          { path: 'settings', element: <SettingsRoute /> },
          { path: 'settings/reminders', element: <ReminderSettingsRoute /> },
          { path: 'settings/consents', element: <ConsentsRoute /> },
          { path: 'reminders', element: <RemindersRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
