import type { AppLoadContext } from '@remix-run/node';
import { data } from '@remix-run/node';

/**
 * A form page posts as a whole document (a plain HTML form, with or without JavaScript), so Remix
 * runs the action and then the loader in one request with one load context. The action leaves the
 * page it decided on (the form with its errors and what was typed, or a calm notice) here, and the
 * loader renders it: that is how a page shown again carries "Error: " in its title and a 4xx status.
 */
const decided = new WeakMap<AppLoadContext, unknown>();

export function showAfterPost<T>(context: AppLoadContext, body: T, init: { status: number; headers?: Record<string, string> }) {
  decided.set(context, body);
  return data(body, init);
}

export function pageDecidedByPost<T>(context: AppLoadContext): T | undefined {
  return decided.get(context) as T | undefined;
}
