import { decodeTotpKey, encodeTotpKey, formatTotpSecret, generateTotpKey, totpKeyUri, totpQrCodeSvg } from '@complaints/auth';
import type { ServiceDependencies } from '../dependencies';

export type SecondFactorSetup = {
  /** The new secret, carried by the set-up form until the person proves their app has it. */
  key: string;
  /** The same secret as people type it, in groups of four. */
  secret: string;
  /** The QR code, an SVG document to place inline. */
  qrCodeSvg: string;
};

/**
 * A new second-factor secret to show on the set-up page. Nothing is stored until a code from it
 * is typed back (confirmSecondFactorSetup), so leaving the page changes nothing. Given the key
 * already shown, it shows the same one again (after a wrong code).
 */
export async function startSecondFactorSetup(
  deps: Pick<ServiceDependencies, 'randomBytes'>,
  input: { email: string; issuer: string; key?: string | undefined },
): Promise<SecondFactorSetup> {
  const key = (input.key ? decodeTotpKey(input.key) : null) ?? generateTotpKey(deps.randomBytes);
  return {
    key: encodeTotpKey(key),
    secret: formatTotpSecret(key),
    qrCodeSvg: await totpQrCodeSvg(totpKeyUri(input.issuer, input.email, key)),
  };
}
