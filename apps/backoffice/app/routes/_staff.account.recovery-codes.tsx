import { BackLink, Button, WarningText } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { readSession, recoveryCodesPath, requireStaff, safeReturnTo } from '../auth.server';
import { accessPage } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/**
 * Recovery codes. Just after a second factor is set up or moved, or new codes are made, the new
 * codes, shown until the person says they have kept them (then on to where they were going);
 * otherwise how many are left, and making a new set after typing the password again.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { session } = await readSession(request, context);
  const { t, title } = await accessPage(request, context);
  const codes = await context.services.staffAccess.ownRecoveryCodes({ staffId: user.id, sessionId: user.sessionId });
  // Recovery codes go with a second factor: without one there are none to make.
  if (!codes.toShow && !session?.staff.secondFactorEnabled) throw redirect('/account');
  return data({
    title: title(t(codes.toShow ? 'recoveryCodes.newHeading' : 'recoveryCodes.title')),
    toShow: codes.toShow,
    left: codes.left,
    returnTo: safeReturnTo(new URL(request.url).searchParams.get('returnTo')),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const recoveryForm = z.object({ intent: z.enum(['kept', 'renew']).catch('kept'), returnTo: z.string().max(2048).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = recoveryForm.parse(Object.fromEntries(await request.formData()));
  if (form.intent === 'renew') {
    const user = await requireStaff(request, context, { recentlyAuthenticated: true });
    const { session } = await readSession(request, context);
    if (!session?.staff.secondFactorEnabled) return redirect('/account');
    await context.services.staffAccess.renewRecoveryCodes({ staffId: user.id, sessionId: user.sessionId, requestId: context.requestId });
    return redirect(recoveryCodesPath('/account'));
  }
  const user = await requireStaff(request, context);
  await context.services.staffAccess.recoveryCodesKept({ staffId: user.id, sessionId: user.sessionId });
  return redirect(safeReturnTo(form.returnTo) ?? '/account');
}

export default function RecoveryCodes() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  if (page.toShow) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t('recoveryCodes.newHeading')}</h1>
          <p className="govuk-body">{t('recoveryCodes.what')}</p>
          <WarningText assistiveText={t('recoveryCodes.warningAssistive')}>{t('recoveryCodes.keep')}</WarningText>
          <ol className="govuk-list govuk-list--number" data-recovery-codes>
            {page.toShow.map((code) => (
              <li key={code}>
                <code className="govuk-!-font-size-24 govuk-!-font-weight-bold" translate="no">
                  {code}
                </code>
              </li>
            ))}
          </ol>
          <form method="post">
            <input type="hidden" name="intent" value="kept" />
            {page.returnTo ? <input type="hidden" name="returnTo" value={page.returnTo} /> : null}
            <Button>{t('recoveryCodes.kept')}</Button>
          </form>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account">{t('common:backLink')}</BackLink>
        <h1 className="govuk-heading-l">{t('recoveryCodes.title')}</h1>
        <p className="govuk-body">{t('recoveryCodes.left', { count: page.left })}</p>
        <p className="govuk-body">{t('recoveryCodes.renewLead')}</p>
        <form method="post">
          <input type="hidden" name="intent" value="renew" />
          <Button variant="secondary">{t('recoveryCodes.renew')}</Button>
        </form>
      </div>
    </div>
  );
}
