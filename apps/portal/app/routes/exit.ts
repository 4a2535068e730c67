import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { leaveThisDevice } from '../shared-device.server';

/**
 * Where "Exit this page" goes: forgets what this browser holds with us, then on to the neutral
 * site. A GET, because the control must work as a plain link without JavaScript; it only ever
 * forgets the caller's own drafts. POST does the same.
 */
export const loader = ({ request, context }: LoaderFunctionArgs) => leaveThisDevice(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => leaveThisDevice(request, context);
