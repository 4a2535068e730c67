import { z } from 'zod';
import { LETTER_KINDS } from '../complaint/vocabulary';
import { type Move, MOVE_NAMES, MOVES, type MovePayload } from './moves';

/**
 * Reading a complaint's history back: each stored event, by its type, is the event of one move of
 * the lifecycle, and its payload is read with that move's schema, so the timeline, the tracking
 * page and the reports get typed facts rather than loose JSON.
 */

/**
 * Events written before the lifecycle took its present shape. They stay in histories (which are
 * never rewritten), so they are still read, with what they said then.
 */
export const EARLIER_EVENTS = {
  'complaint.acknowledged': z.object({
    letterId: z.guid().optional(),
    delivery: z.enum(['email', 'post']).optional(),
    templateVersion: z.number().int().optional(),
    letter: z.enum(LETTER_KINDS).optional(),
  }),
} as const;
type EarlierType = keyof typeof EARLIER_EVENTS;

export type HistoryEvent =
  | { [M in Move]: { move: M; type: (typeof MOVES)[M]['event']['type']; payload: MovePayload<M> } }[Move]
  | { [T in EarlierType]: { move: null; type: T; payload: z.output<(typeof EARLIER_EVENTS)[T]> } }[EarlierType]
  /** An event this version cannot read: shown by its type alone, never dropped. */
  | { move: null; type: string; payload: null };

const MOVE_BY_EVENT = new Map<string, Move>(MOVE_NAMES.map((m) => [MOVES[m].event.type, m]));

/** The move whose event this is. */
export function moveOfEvent(type: string): Move | null {
  return MOVE_BY_EVENT.get(type) ?? null;
}

export function readEvent(type: string, payload: unknown): HistoryEvent {
  const move = MOVE_BY_EVENT.get(type);
  if (move) {
    const parsed = MOVES[move].event.payload.safeParse(payload);
    if (parsed.success) return { move, type, payload: parsed.data } as HistoryEvent;
    return { move: null, type, payload: null };
  }
  if (Object.hasOwn(EARLIER_EVENTS, type)) {
    const parsed = EARLIER_EVENTS[type as EarlierType].safeParse(payload);
    if (parsed.success) return { move: null, type: type as EarlierType, payload: parsed.data };
  }
  return { move: null, type, payload: null };
}
