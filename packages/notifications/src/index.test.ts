import { readEnvironment } from '@complaints/config';
import { describe, expect, it } from 'vitest';
import { emailTransportFor } from './index';

describe('emailTransportFor', () => {
  const notify = {
    NOTIFY_API_KEY: 'complaints_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0',
    NOTIFY_TEMPLATES: JSON.stringify({ '*': { en: 'f33517ff-2a88-4f6e-b855-c550268ce08a', cy: '0d2ef2f8-5d4e-4b43-9c8e-0f6a1f3c8a11' } }),
  };

  it('writes files by default, and sends by GOV.UK Notify when it has a key, unless told SMTP or files', () => {
    expect(emailTransportFor(readEnvironment({})).name).toBe('file');
    expect(emailTransportFor(readEnvironment(notify)).name).toBe('notify');
    expect(emailTransportFor(readEnvironment({ ...notify, MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' })).name).toBe('smtp');
    expect(emailTransportFor(readEnvironment({ ...notify, MAIL_TRANSPORT: 'file' })).name).toBe('file');
  });
});
