import { timestamp } from 'drizzle-orm/pg-core';

/** Every instant is stored with its time zone, so its date in London never depends on the server's zone. */
export const at = (name: string) => timestamp(name, { withTimezone: true });

export const createdAt = () => at('created_at').notNull().defaultNow();
