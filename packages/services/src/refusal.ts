import type { FieldProblem, MoveRefusal } from '@complaints/domain';

/**
 * The one way a use case says no. Every refusal has a code, which the apps turn into words in the
 * person's language and an HTTP status; form problems travel with it field by field. Nothing is
 * written when a use case refuses: it refuses before its transaction, or inside it so the
 * transaction rolls back.
 */
export type RefusalCode =
  | MoveRefusal
  /** No such thing, or one the person may not see: the same answer, so nobody can find out which exist. */
  | 'not_found'
  /** What was sent has problems; `problems` says which fields and why. */
  | 'invalid_input'
  /** A sensitive action needs the password typed again first. */
  | 'reauthentication_required'
  | 'no_safe_written_contact'
  | 'no_template'
  | 'no_manager_contact'
  | 'template_invalid'
  | 'nothing_owed'
  | 'not_a_written_letter'
  | 'anonymised'
  | 'nothing_changed'
  /** A day added to the calendar that has come or gone: it has been counted, so it stays. */
  | 'day_passed'
  /** Learning raised from an Ombudsman's recommendation that is not one made on this complaint. */
  | 'recommendation_not_on_complaint'
  /** Recovery codes asked for by someone with no second factor on. */
  | 'no_second_factor';

export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly code: RefusalCode,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(`Refused: ${code}`);
  }

  static invalid(problems: readonly FieldProblem[]): Refusal {
    return new Refusal('invalid_input', problems);
  }
}

/** The HTTP status of a refusal: 404 for what the person may not see, 403 for what they may not do, 400 for bad input, else 409. */
export function refusalStatus(code: RefusalCode): 400 | 403 | 404 | 409 {
  switch (code) {
    case 'not_found':
    case 'no_such_letter':
      return 404;
    case 'not_allowed':
    case 'reauthentication_required':
      return 403;
    case 'invalid_input':
      return 400;
    default:
      return 409;
  }
}

/**
 * Whether a use case refused. Read by its name and code rather than `instanceof`, so it holds when
 * the apps and the services were loaded as two copies of the code (Vite's dev server does that).
 */
export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Error && error.name === 'Refusal' && typeof (error as { code?: unknown }).code === 'string';
}
