import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { forgetThisDevice, type ThisDevice } from './forget-this-device';

/**
 * What the public portal does for someone whose phone or computer may be shared. The attachment
 * store is handed in by the portal with each call, as for the complaint forms' files.
 */
export function createSharedDeviceServices(deps: ServiceDependencies) {
  return {
    forgetThisDevice: (storage: AttachmentStorage, input: ThisDevice) => forgetThisDevice({ ...deps, storage }, input),
  };
}

export type SharedDeviceServices = ReturnType<typeof createSharedDeviceServices>;
