import { totpCodeAt, TOTP_PERIOD_SECONDS } from '@complaints/auth';
import { demoTotpKey } from '@complaints/db';

/**
 * Prints the current second-factor code of a demo account: `npm run demo:code -- <email>`.
 *
 * The code is computed from demoTotpKey(email), the secret the demo seed gives every demo account
 * that needs a second factor, rather than read from the database: `npm start` holds the embedded
 * database open and only one process may open it, so a script that read it would fail while the
 * system is running, which is exactly when a code is wanted. It prints nothing useful for real
 * accounts, whose secrets are random and never leave the database.
 */
const email = process.argv[2]?.trim().toLowerCase();
if (!email || !email.includes('@')) {
  process.stderr.write('Give the email address of a demo account, for example: npm run demo:code -- margaret.lewis@example.org\n');
  process.exit(1);
}
const now = new Date();
const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
process.stdout.write(`${totpCodeAt(demoTotpKey(email), now)}\n`);
process.stderr.write(`(valid for another ${secondsLeft} seconds, and for one sign-in only; demo accounts only)\n`);
