import type { Move } from '@complaints/domain';

/**
 * Where each move of the lifecycle is made in the back office: a page with its form (a link), or a
 * button that posts at once (moves that need nothing more). The case page offers exactly the moves
 * the lifecycle allows this person now, each through this map; a move on a letter is made from the
 * letter's page. Typed over every move, so a new move cannot be left without a place.
 */
export type MovePlace = { page: string } | { post: string } | { onLetter: true } | { notHere: true };

export function movePlace(move: Move, complaint: { id: string; firstUntriagedPointId: string | null }): MovePlace {
  const at = (path: string) => `/complaints/${complaint.id}${path}`;
  const places: Record<Move, MovePlace> = {
    // A complaint is made on the portal, or logged from the log page.
    submit: { notHere: true },
    // Retention's job makes it, by itself, once the schedule has run out.
    anonymise: { notHere: true },
    log: { page: at('/log') },
    triage_point: complaint.firstUntriagedPointId ? { page: at(`/triage/${complaint.firstUntriagedPointId}`) } : { notHere: true },
    assign_responder: { page: at('/assign') },
    assign_csq_manager: { page: at('/assign') },
    prepare_acknowledgement: { page: at('/acknowledge') },
    start_investigation: { post: at('/moves/start_investigation') },
    add_case_note: { page: at('/notes/new') },
    record_correspondence: { page: at('/correspondence/new') },
    correct_complainant_details: { page: at('/complainant') },
    answer_point: { page: at('/response') },
    record_management_review: { page: at('/management-review') },
    raise_learning: { page: at('/learning/new') },
    draft_response: { page: at('/response') },
    write_letter: { page: at('/letters/new') },
    submit_letter: { onLetter: true },
    approve_letter: { onLetter: true },
    return_letter: { onLetter: true },
    send_letter: { onLetter: true },
    print_letter: { onLetter: true },
    extend: { page: at('/extend') },
    pause_clock: { page: at('/pause') },
    resume_clock: { post: at('/moves/resume_clock') },
    add_information: { page: at('/information') },
    withdraw: { page: at('/withdraw') },
    // Only the complainant answers the survey, from their tracking page.
    answer_survey: { notHere: true },
    request_stage_two: { page: at('/stage-two') },
    quality_assure_closure: { page: at('/closure') },
    close: { post: at('/moves/close') },
    refer_to_ombudsman: { page: at('/ombudsman') },
    record_ombudsman_enquiry: { page: at('/ombudsman/enquiries/new') },
    // Made from the row of the enquiry answered, or of the recommendation done, in the Ombudsman section.
    reply_to_ombudsman: { notHere: true },
    record_ombudsman_outcome: { page: at('/ombudsman/outcome') },
    complete_ombudsman_recommendation: { notHere: true },
  };
  return places[move];
}
