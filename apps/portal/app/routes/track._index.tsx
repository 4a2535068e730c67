import { TrackingPage, trackingHandle, trackingHeaders, trackingMeta } from '../tracking/tracking-views';
import { referenceAction, referenceLoader } from '../tracking/tracking-pages.server';

export const handle = trackingHandle;
export const meta = trackingMeta;
export const headers = trackingHeaders;
export const loader = referenceLoader;
export const action = referenceAction;
export default TrackingPage;
