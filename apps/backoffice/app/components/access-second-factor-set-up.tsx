import { TextInput } from '@complaints/ui';
import { useTranslation } from 'react-i18next';

export type SecondFactorSetUpData = { key: string; secret: string; qrCodeSvg: string };

/**
 * The steps of setting up an authenticator app: the QR code (inline SVG made on the server from
 * our own data, so no image source needs allowing), the key to type instead, and a code back.
 */
export function SecondFactorSetUp({ setUp, error, returnTo }: { setUp: SecondFactorSetUpData; error?: string | undefined; returnTo?: string | null }) {
  const { t } = useTranslation(['staff-access', 'common']);
  return (
    <form method="post" noValidate>
      <input type="hidden" name="key" value={setUp.key} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <ol className="govuk-list govuk-list--number">
        <li>{t('setUpSecondFactor.stepApp')}</li>
        <li>
          {t('setUpSecondFactor.stepScan')}
          <div role="img" aria-label={t('setUpSecondFactor.qrLabel')} className="govuk-!-margin-top-2 govuk-!-margin-bottom-2 app-qr-code">
            {/* The SVG is made by the qrcode library from the otpauth address; it holds no markup from anyone. */}
            <div dangerouslySetInnerHTML={{ __html: setUp.qrCodeSvg.replace('<svg ', '<svg width="200" height="200" aria-hidden="true" focusable="false" ') }} />
          </div>
        </li>
        <li>
          {t('setUpSecondFactor.stepSecret')}
          <p className="govuk-body govuk-!-margin-top-2">
            <span className="govuk-visually-hidden">{t('setUpSecondFactor.secretLabel')}: </span>
            <code className="govuk-!-font-size-24 govuk-!-font-weight-bold" translate="no">
              {setUp.secret}
            </code>
          </p>
        </li>
        <li>
          <TextInput
            id="code"
            name="code"
            label={t('setUpSecondFactor.stepCode')}
            hint={t('secondFactor.codeHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            widthClass="govuk-input--width-5"
            error={error}
            errorPrefix={t('common:errorTitlePrefix')}
          />
        </li>
      </ol>
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {t('setUpSecondFactor.submit')}
      </button>
    </form>
  );
}
