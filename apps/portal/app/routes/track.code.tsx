import { TrackingPage, trackingHandle, trackingHeaders, trackingMeta } from '../tracking/tracking-views';
import { codeAction, codeLoader } from '../tracking/tracking-pages.server';

export const handle = trackingHandle;
export const meta = trackingMeta;
export const headers = trackingHeaders;
export const loader = codeLoader;
export const action = codeAction;
export default TrackingPage;
