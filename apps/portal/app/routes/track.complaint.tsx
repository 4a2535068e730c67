import { TrackingPage, trackingHandle, trackingHeaders, trackingMeta } from '../tracking/tracking-views';
import { complaintLoader } from '../tracking/tracking-pages.server';

export const handle = trackingHandle;
export const meta = trackingMeta;
export const headers = trackingHeaders;
export const loader = complaintLoader;
export default TrackingPage;
