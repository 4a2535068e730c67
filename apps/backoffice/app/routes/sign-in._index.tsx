import type { MetaFunction } from '@remix-run/node';
import { SignInPage } from '../components/access-sign-in-form';
import { signInAction, signInLoader } from '../components/access-sign-in.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** Sign in with an email address and password; then, for some, a code from an authenticator app. */
export const loader = signInLoader;
export const action = signInAction;
export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default SignInPage;
