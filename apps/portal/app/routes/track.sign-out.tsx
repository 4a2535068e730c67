import { TrackingPage, trackingHandle, trackingHeaders, trackingMeta } from '../tracking/tracking-views';
import { signOutAction, signOutLoader } from '../tracking/tracking-pages.server';

export const handle = trackingHandle;
export const meta = trackingMeta;
export const headers = trackingHeaders;
export const loader = signOutLoader;
export const action = signOutAction;
export default TrackingPage;
