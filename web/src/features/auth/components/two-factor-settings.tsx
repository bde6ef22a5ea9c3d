import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { twoFactorConfirmInputSchema, twoFactorDisableInputSchema } from '@twofold/core/auth/sign-in-security.schemas';
import { PasswordField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useConfirmTwoFactor, useDisableTwoFactor, useStartTwoFactor, useTwoFactorStatus } from '../api/use-sign-in-security';
import '../sign-in-security.css';

/**
 * Two-step sign-in in settings: set it up (QR code made by the Twofold server, the secret to type
 * in by hand, a first code), the recovery codes shown once, and turning it off (password + code).
 * Required of program staff; optional for partners.
 */
export function TwoFactorSettings() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (status.isPending) {
    return <Loading />;
  }
  if (status.isError) {
    return <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  }
  if (recoveryCodes) {
    return <RecoveryCodesOnce codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  }
  if (status.data.enabled) {
    return (
      <div className="stack">
        <Notice tone="success">{t('signInSecurity.twoFactorOn', { count: status.data.recoveryCodesLeft })}</Notice>
        <DisableTwoFactor />
      </div>
    );
  }
  return (
    <div className="stack">
      {status.data.required ? (
        <Notice tone="warm">{t('signInSecurity.twoFactorRequired')}</Notice>
      ) : (
        <p>{t('signInSecurity.twoFactorIntro')}</p>
      )}
      <EnrolTwoFactor onConfirmed={setRecoveryCodes} />
    </div>
  );
}

function EnrolTwoFactor({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  if (!start.data) {
    return (
      <div className="stack">
        {start.isError ? <Notice tone="error">{problemText(start.error)}</Notice> : null}
        <button type="button" className="button button--primary" disabled={start.isPending} onClick={() => start.mutate()}>
          {t('signInSecurity.setUp')}
        </button>
      </div>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(twoFactorConfirmInputSchema, { code }, { code: t('signInSecurity.sixDigits') });
    if (!checked.ok) {
      setError(checked.errors['code']);
      focusFirstError(form.current, ['code'], checked.errors);
      return;
    }
    setError(undefined);
    try {
      onConfirmed((await confirm.mutateAsync(checked.data.code)).recoveryCodes);
    } catch {
      // Shown below.
    }
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ol className="steps">
        <li>{t('signInSecurity.stepScan')}</li>
        <li>{t('signInSecurity.stepEnterCode')}</li>
      </ol>
      <img className="qr-code" src={start.data.qrCode} width={200} height={200} alt={t('signInSecurity.qrAlt')} />
      <p>
        {t('signInSecurity.secretByHand')} <code className="secret">{start.data.secret.match(/.{1,4}/g)?.join(' ')}</code>
      </p>
      {confirm.isError ? <Notice tone="error">{problemText(confirm.error)}</Notice> : null}
      <TextField
        label={t('signInSecurity.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
      />
      <button type="submit" className="button button--primary" disabled={confirm.isPending}>
        {confirm.isPending ? t('signInSecurity.checking') : t('signInSecurity.turnOn')}
      </button>
    </form>
  );
}

function RecoveryCodesOnce({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Notice tone="success" focusOnMount>
        <p>{t('signInSecurity.turnedOn')}</p>
        <p>{t('signInSecurity.recoveryCodesIntro')}</p>
      </Notice>
      <ul className="recovery-codes" aria-label={t('signInSecurity.recoveryCodes')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('signInSecurity.savedCodes')}
      </button>
    </div>
  );
}

function DisableTwoFactor() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const disable = useDisableTwoFactor();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ password: '', code: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(twoFactorDisableInputSchema, values, {
      password: t('validation.passwordRequired'),
      code: t('signInSecurity.codeInvalid'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, ['password', 'code'], checked.errors);
      return;
    }
    setErrors({});
    try {
      await disable.mutateAsync(checked.data);
    } catch (error) {
      if (!isApiProblem(error)) {
        throw error;
      }
    }
  };

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <details>
      <summary>{t('signInSecurity.turnOff')}</summary>
      <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {disable.isError ? <Notice tone="error">{problemText(disable.error)}</Notice> : null}
        <PasswordField
          showLabel={t('auth.showPassword')}
          showText={t('auth.show')}
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors['password']}
        />
        <TextField
          label={t('signInSecurity.code')}
          hint={t('signInSecurity.codeOrRecoveryHint')}
          name="code"
          autoComplete="one-time-code"
          value={values.code}
          onChange={set('code')}
          error={errors['code']}
        />
        <button type="submit" className="button button--secondary" disabled={disable.isPending}>
          {t('signInSecurity.turnOffConfirm')}
        </button>
      </form>
    </details>
  );
}
