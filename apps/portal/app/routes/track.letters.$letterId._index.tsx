import { TrackingPage, trackingHandle, trackingHeaders, trackingMeta } from '../tracking/tracking-views';
import { letterLoader } from '../tracking/tracking-pages.server';

export const handle = trackingHandle;
export const meta = trackingMeta;
export const headers = trackingHeaders;
export const loader = letterLoader;
export default TrackingPage;
