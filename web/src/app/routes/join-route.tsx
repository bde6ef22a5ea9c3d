import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Notice } from '../../components/ui/notice';
import { Page, Section } from '../../components/ui/page';
import { hasCode } from '../../lib/problem';
import { useMe } from '../../features/auth/api/use-me';
import { SignupForm } from '../../features/auth/components/signup-form';
import { useInvitePreview } from '../../features/invites/api/use-invite';
import { AcceptInvite } from '../../features/invites/components/accept-invite';
import { InviteSummary } from '../../features/invites/components/invite-summary';

/** /join/:token: who invited and what for; sign up or log in first, then Accept. */
export function JoinRoute() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invite = useInvitePreview(token);
  const me = useMe();
  const next = `/join/${token}`;

  if (invite.isPending || me.isPending) {
    return (
      <Page title={t('join.title')} narrow>
        <Loading />
      </Page>
    );
  }
  if (invite.isError) {
    const gone = hasCode(invite.error, 'invite-invalid');
    const unknown = hasCode(invite.error, 'not-found') || hasCode(invite.error, 'validation-failed');
    return (
      <Page title={t('join.title')} narrow>
        {gone || unknown ? (
          <Notice tone="info">{gone ? t('join.invalid') : t('join.notFound')}</Notice>
        ) : (
          <LoadError error={invite.error} onRetry={() => void invite.refetch()} />
        )}
      </Page>
    );
  }
  return (
    <Page title={t('join.title')} narrow>
      <InviteSummary invite={invite.data} />
      {me.data ? (
        <AcceptInvite
          token={token}
          invite={invite.data}
          displayName={me.data.user.displayName}
          needsCoupleFirst={
            invite.data.kind === 'program-couple' && !me.data.coupleId ? (
              <>
                <p>{t('join.needCouple')}</p>
                <Link to="/us" className="button button--primary">
                  {t('join.goStartCouple')}
                </Link>
              </>
            ) : null
          }
          coupleLink={<Link to="/us">{t('join.goToUs')}</Link>}
          renderDone={(accepted) =>
            accepted.programId && invite.data.kind === 'clinician' ? (
              <Link to={`/programs/${accepted.programId}`} className="button button--primary">
                {t('join.goToProgram')}
              </Link>
            ) : (
              <Link to="/us" className="button button--primary">
                {t('join.goToUs')}
              </Link>
            )
          }
        />
      ) : (
        <>
          <p>
            <strong>{t('join.notLoggedIn')}</strong>
          </p>
          <Link to={`/login?next=${encodeURIComponent(next)}`} className="button button--secondary button--block">
            {t('join.loginInstead')}
          </Link>
          <Section title={t('join.signupHere')} id="join-signup">
            <SignupForm next={next} />
          </Section>
        </>
      )}
    </Page>
  );
}
