import type { Services } from '@complaints/services';

export type BackofficeServices = Services;
