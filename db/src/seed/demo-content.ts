import type { PointCategory, TriageOutcome } from '@complaints/domain';

/** What demo complainants say. Invented, in the words people use. */
export type DemoPoint = { text: string; category: PointCategory; triage: TriageOutcome; courtRoute?: string };

export const ADULT_POINTS_EN: DemoPoint[] = [
  { text: 'The family court adviser did not return my calls for three weeks, even after I left messages saying it was urgent.', category: 'communication', triage: 'organisation' },
  { text: 'The report says I missed two meetings, but I went to both of them and I have the text messages that confirm the times.', category: 'quality_of_work', triage: 'organisation' },
  { text: "My children's wishes were not written down in the report, although they spoke to the adviser for an hour.", category: 'quality_of_work', triage: 'organisation' },
  { text: 'I was told about the home visit only the day before, so I could not change my shift at work.', category: 'communication', triage: 'organisation' },
  { text: "The officer talked about my ex-partner's allegations in front of my children.", category: 'conduct', triage: 'organisation' },
  { text: 'My new address was in a letter sent to my ex-partner, even though I asked for it to be kept private because of the abuse.', category: 'data_and_confidentiality', triage: 'organisation' },
  { text: 'The report reached the court late, so the hearing was put off for two months.', category: 'delay', triage: 'organisation' },
  { text: 'I felt I was treated differently because English is not my first language.', category: 'discrimination', triage: 'organisation' },
  { text: 'I asked for an interpreter for the interview and none was arranged.', category: 'communication', triage: 'organisation' },
  {
    text: 'I disagree with the recommendation that my son should live with his father.',
    category: 'quality_of_work',
    triage: 'court',
    courtRoute: 'You can ask the court to consider your view of the recommendation at the next hearing, or speak to your solicitor about an appeal.',
  },
  {
    text: 'The order about how often I see my daughter is unfair.',
    category: 'other',
    triage: 'court',
    courtRoute: 'Only the court can change its order. You can apply to the court to vary the order using form C100, or ask your solicitor.',
  },
  { text: 'Nobody explained what would happen at the hearing or what my part in it was.', category: 'communication', triage: 'organisation' },
];

export const ADULT_POINTS_CY: DemoPoint[] = [
  { text: "Wnaeth y cynghorydd llys teulu ddim ateb fy ngalwadau am dair wythnos, hyd yn oed ar ôl i mi adael negeseuon yn dweud ei fod yn fater brys.", category: 'communication', triage: 'organisation' },
  { text: "Mae'r adroddiad yn dweud fy mod wedi colli dau gyfarfod, ond es i'r ddau ohonyn nhw.", category: 'quality_of_work', triage: 'organisation' },
  { text: "Cefais wybod am yr ymweliad cartref y diwrnod cynt yn unig.", category: 'communication', triage: 'organisation' },
  { text: "Gofynnais am gael siarad Cymraeg yn y cyfweliad ond cafodd ei gynnal yn Saesneg.", category: 'communication', triage: 'organisation' },
  { text: "Cyrhaeddodd yr adroddiad y llys yn hwyr, felly cafodd y gwrandawiad ei ohirio.", category: 'delay', triage: 'organisation' },
  {
    text: "Dw i'n anghytuno â'r argymhelliad y dylai fy merch fyw gyda'i thad.",
    category: 'quality_of_work',
    triage: 'court',
    courtRoute: "Gallwch ofyn i'r llys ystyried eich barn am yr argymhelliad yn y gwrandawiad nesaf, neu siarad â'ch cyfreithiwr am apêl.",
  },
];

export const CHILD_POINTS_EN: DemoPoint[] = [
  { text: 'Nobody asked me what I wanted.', category: 'quality_of_work', triage: 'organisation' },
  { text: 'The worker came late and I had to miss school.', category: 'delay', triage: 'organisation' },
  { text: 'I told the worker something private and she told my dad.', category: 'data_and_confidentiality', triage: 'organisation' },
  { text: 'The worker did not listen when I said I was scared.', category: 'conduct', triage: 'organisation' },
];

export const CHILD_POINTS_CY: DemoPoint[] = [
  { text: "Wnaeth neb ofyn i mi beth oeddwn i eisiau.", category: 'quality_of_work', triage: 'organisation' },
  { text: "Daeth y gweithiwr yn hwyr a bu'n rhaid i mi golli ysgol.", category: 'delay', triage: 'organisation' },
];

export const DESIRED_OUTCOMES_EN = [
  'I would like an apology and for the report to be corrected before the next hearing.',
  'I want a new adviser for my case.',
  'I would like someone to explain what went wrong and make sure it does not happen to other families.',
  'I want my address removed from the file that my ex-partner can see.',
];
export const DESIRED_OUTCOMES_CY = [
  "Hoffwn gael ymddiheuriad a bod yr adroddiad yn cael ei gywiro cyn y gwrandawiad nesaf.",
  "Hoffwn i rywun esbonio beth aeth o'i le.",
];
export const DESIRED_OUTCOMES_CHILD_EN = ['I want them to listen to me.', 'I want a different worker.'];
export const DESIRED_OUTCOMES_CHILD_CY = ["Dw i eisiau iddyn nhw wrando arna i."];

export const COMPLAINANT_NAMES = [
  'Jodie Harris',
  'Mohammed Rahman',
  'Claire Thompson',
  'Gareth Llewellyn',
  'Natasha Ivanova',
  'Kelly Marsh',
  'Adebayo Okonjo',
  'Louise Bennett',
  'Stephen Doyle',
  'Nia Griffiths',
  'Fatima Begum',
  'Ryan Cooper',
  'Angela Moore',
  'Dafydd Pritchard',
  'Tanya Brooks',
  'Michael Byrne',
];
export const CHILD_NAMES = ['Ellie', 'Jayden', 'Amira', 'Cai', 'Mia', 'Noah'];

export const ANSWER_REASONS_EN = {
  upheld: 'We looked at the case record and the call log. You are right: the standard is that we return calls within two working days, and that did not happen. We are sorry.',
  partly_upheld: 'Part of what you told us is right. The record shows one meeting was missed because of our error; the other was rearranged at your request.',
  not_upheld: 'We looked carefully at the record, the emails and what the adviser told us. The visit was arranged with the notice our practice standard requires, so we have not upheld this part.',
  court_matter: 'This is a matter for the court, which decides what happens. We have explained how you can raise it with the court.',
};
export const ANSWER_REASONS_CY = {
  upheld: "Rydym wedi edrych ar gofnod yr achos a'r log galwadau. Rydych yn iawn: y safon yw ein bod yn ateb galwadau o fewn dau ddiwrnod gwaith, ac ni ddigwyddodd hynny. Mae'n ddrwg gennym.",
  partly_upheld: "Mae rhan o'r hyn a ddywedoch wrthym yn gywir. Mae'r cofnod yn dangos bod un cyfarfod wedi'i golli oherwydd ein camgymeriad ni.",
  not_upheld: "Rydym wedi edrych yn ofalus ar y cofnod. Cafodd yr ymweliad ei drefnu gyda'r rhybudd y mae ein safon ymarfer yn ei ofyn, felly nid ydym wedi cadarnhau'r rhan hon.",
  court_matter: "Mater i'r llys yw hwn, sy'n penderfynu beth sy'n digwydd. Rydym wedi esbonio sut y gallwch ei godi gyda'r llys.",
};

/** The rest of a demo answer: the standard, what should have happened and what did, and the remedy. */
export const ANSWER_DETAILS = {
  en: {
    standard: 'Practice standard 4: keeping in touch',
    shouldHave: 'A call back within two working days, and any visit arranged at least a week ahead.',
    did: 'The call back took longer than that, and the visit was arranged the day before.',
    remedy: 'An apology, and a second person to watch the messages when someone is away.',
    lookedAgain: 'We looked at this again for the review.',
  },
  cy: {
    standard: 'Safon ymarfer 4: cadw mewn cysylltiad',
    shouldHave: "Galwad yn ôl o fewn dau ddiwrnod gwaith, a threfnu unrhyw ymweliad o leiaf wythnos ymlaen llaw.",
    did: "Cymerodd yr alwad yn ôl yn hirach na hynny, a threfnwyd yr ymweliad y diwrnod cynt.",
    remedy: "Ymddiheuriad, ac ail berson i wylio'r negeseuon pan fydd rhywun i ffwrdd.",
    lookedAgain: "Fe wnaethom edrych ar hyn eto ar gyfer yr adolygiad.",
  },
} as const;
