import { describe, expect, it } from 'vitest';
import { loggableError } from './loggable-error';

describe('an error as the logs may hold it', () => {
  it('reduces a database error, or one caused by it, to its code', () => {
    const database = Object.assign(new Error('duplicate key value violates unique constraint: Key (email)=(jane@example.org)'), {
      name: 'PostgresError',
      code: '23505',
      severity: 'ERROR',
    });
    expect(loggableError(database)).toEqual({ type: 'DatabaseError', code: '23505' });
    const wrapped = Object.assign(new Error('Failed query: insert into staff … params: Jane Doe,jane@example.org'), { cause: database });
    expect(loggableError(wrapped)).toEqual({ type: 'DatabaseError', code: '23505' });
    expect(loggableError(new Error('Failed query: select $1 params: Jane Doe'))).toEqual({ type: 'DatabaseError', code: 'unknown' });
  });

  it('keeps any other error’s name and message, without email addresses', () => {
    const smtp = Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 <jane.doe@example.org>: Recipient address rejected'), { name: 'SMTPError' });
    const logged = loggableError(smtp);
    expect(logged).toMatchObject({ type: 'SMTPError', message: "Can't send mail - all recipients were rejected: 550 <[email]>: Recipient address rejected" });
    expect(JSON.stringify(logged)).not.toContain('jane.doe');
  });
});
