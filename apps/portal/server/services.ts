import type { Services } from '@complaints/services';

export type PortalServices = Services;
