import type { Audience, Language, LetterKind } from '@complaints/domain';
import type { Executor } from '../client';
import { addLetterTemplates } from '../repositories/letters';

/**
 * The first version of each letter template the casework sends by return, in English and Welsh,
 * for adults and for children (the child wording in short, plain words). National office adds new
 * versions later; these are only added where missing, never changed.
 *
 * How a template is written (read by packages/services/src/letters/letter-template.ts):
 * - a blank line ends a paragraph; `## ` starts a heading; `- ` a list item; `> ` a callout;
 * - `{{name}}` is a value of the letter; a line whose value is empty is left out;
 * - `[[address]]` the postal address, for letters that go by post;
 * - `[[reference Label]]` the reference in a box; `[[trackingCode Label]]` the tracking code, which
 *   is printed only on the paper copy;
 * - `[[if name]]` … `[[end]]` a part used only when it applies;
 * - `[[each name]]` … `[[end]]` lines repeated for each item, e.g. each point for the court.
 */

type TemplateSeed = { kind: LetterKind; audience: Audience; language: Language; subject: string; body: string };

const ACKNOWLEDGEMENT_EN_ADULT = `[[address]]

{{letterDate}}

[[reference Your reference number]]

Dear {{complainantName}},

Thank you for your complaint, which reached us on {{receivedDate}}. This letter confirms that we have it and tells you what happens next.

## Who will answer your complaint
{{managerName}} will look into your complaint and send you our response.

## When you will hear from us
We will send you our response by {{responseDueDate}}. If we need more time, we will write to tell you why and give you a new date.

## How to contact {{managerName}}
- Phone: {{managerPhone}}
- Email: {{managerEmail}}
- Address: {{managerAddress}}

Please quote your reference number when you get in touch.

[[if courtMatters]]
## Things that are for the court to decide
Some of what you told us is about decisions that only the court can make. We cannot change those decisions, but we will still answer every other part of your complaint. For each of these points, here is why, and how you can raise it with the court:
[[each courtMatters]]
- Point {{number}} (“{{excerpt}}”): {{reason}} How to raise it: {{courtRoute}}
[[end]]
[[end]]

[[if trackingCode]]
## Following your complaint online
You can see how your complaint is going on our website. You will need your reference number and this tracking code:
[[trackingCode Your tracking code]]
Keep this letter somewhere safe. Anyone with the code and your reference number can see where your complaint is.
[[end]]

If you need this letter in another format, such as large print or Welsh, or would like help from an advocate, call us on {{organisationPhone}}.

Yours sincerely,

The Customer Service and Quality team`;

const ACKNOWLEDGEMENT_EN_CHILD = `[[address]]

{{letterDate}}

[[reference Your complaint number]]

Dear {{complainantName}},

Thank you for telling us what went wrong. We got your complaint on {{receivedDate}}.

## Who will help
{{managerName}} will look at your complaint. They will write to you.

## When
You will get a letter back by {{responseDueDate}}.

## How to talk to {{managerName}}
- Phone: {{managerPhone}}
- Email: {{managerEmail}}
- Write to: {{managerAddress}}

Tell them your complaint number.

[[if courtMatters]]
## Things the court decides
Some things you told us are for the court to decide. We cannot change them. We will still answer all the other things.
[[each courtMatters]]
- Point {{number}}: {{reason}} What you can do: {{courtRoute}}
[[end]]
[[end]]

[[if trackingCode]]
## See how it is going
You can see how your complaint is going on our website. You need your complaint number and this code:
[[trackingCode Your code]]
Keep this letter safe.
[[end]]

If you want help, an adult you trust or an advocate can help you. You can call us on {{organisationPhone}}.

From the complaints team`;

const ACKNOWLEDGEMENT_CY_ADULT = `[[address]]

{{letterDate}}

[[reference Eich cyfeirnod]]

Annwyl {{complainantName}},

Diolch am eich cwyn, a ddaeth i law ar {{receivedDate}}. Mae'r llythyr hwn yn cadarnhau ein bod wedi'i chael, ac yn dweud wrthych beth fydd yn digwydd nesaf.

## Pwy fydd yn ateb eich cwyn
Bydd {{managerName}} yn edrych ar eich cwyn ac yn anfon ein hymateb atoch.

## Pryd y byddwch yn clywed gennym
Byddwn yn anfon ein hymateb atoch erbyn {{responseDueDate}}. Os bydd angen mwy o amser arnom, byddwn yn ysgrifennu atoch i ddweud pam ac i roi dyddiad newydd i chi.

## Sut i gysylltu â'r rheolwr
- Ffôn: {{managerPhone}}
- E-bost: {{managerEmail}}
- Cyfeiriad: {{managerAddress}}

Rhowch eich cyfeirnod pan fyddwch yn cysylltu â ni.

[[if courtMatters]]
## Materion i'r llys eu penderfynu
Mae rhywfaint o'r hyn a ddywedoch wrthym yn ymwneud â phenderfyniadau y gall y llys yn unig eu gwneud. Ni allwn newid y penderfyniadau hynny, ond byddwn yn dal i ateb pob rhan arall o'ch cwyn. Ar gyfer pob un o'r pwyntiau hyn, dyma pam, a sut y gallwch ei godi gyda'r llys:
[[each courtMatters]]
- Pwynt {{number}} (“{{excerpt}}”): {{reason}} Sut i'w godi: {{courtRoute}}
[[end]]
[[end]]

[[if trackingCode]]
## Dilyn eich cwyn ar-lein
Gallwch weld sut mae eich cwyn yn dod yn ei blaen ar ein gwefan. Bydd angen eich cyfeirnod a'r cod dilyn hwn arnoch:
[[trackingCode Eich cod dilyn]]
Cadwch y llythyr hwn yn rhywle diogel. Gall unrhyw un sydd â'r cod a'ch cyfeirnod weld ble mae eich cwyn.
[[end]]

Os oes angen y llythyr hwn arnoch mewn fformat arall, fel print bras neu Saesneg, neu os hoffech gael help gan eiriolwr, ffoniwch ni ar {{organisationPhone}}.

Yn gywir,

Y tîm Gwasanaeth Cwsmeriaid ac Ansawdd`;

const ACKNOWLEDGEMENT_CY_CHILD = `[[address]]

{{letterDate}}

[[reference Rhif dy gŵyn]]

Annwyl {{complainantName}},

Diolch am ddweud wrthym ni beth aeth o'i le. Cawsom ni dy gŵyn ar {{receivedDate}}.

## Pwy fydd yn helpu
Bydd {{managerName}} yn edrych ar dy gŵyn. Byddan nhw'n ysgrifennu atat ti.

## Pryd
Byddi di'n cael llythyr yn ôl erbyn {{responseDueDate}}.

## Sut i siarad â'r rheolwr
- Ffôn: {{managerPhone}}
- E-bost: {{managerEmail}}
- Ysgrifenna at: {{managerAddress}}

Dyweda rif dy gŵyn wrthyn nhw.

[[if courtMatters]]
## Pethau mae'r llys yn eu penderfynu
Mae rhai pethau a ddywedaist ti wrthym ni yn bethau i'r llys eu penderfynu. Allwn ni ddim eu newid. Byddwn ni'n dal i ateb popeth arall.
[[each courtMatters]]
- Pwynt {{number}}: {{reason}} Beth gallet ti ei wneud: {{courtRoute}}
[[end]]
[[end]]

[[if trackingCode]]
## Gweld sut mae'n mynd
Gallet ti weld sut mae dy gŵyn yn mynd ar ein gwefan. Mae angen rhif dy gŵyn a'r cod hwn arnat ti:
[[trackingCode Dy god]]
Cadwa'r llythyr hwn yn ddiogel.
[[end]]

Os wyt ti eisiau help, gall oedolyn rwyt ti'n ymddiried ynddo, neu eiriolwr, dy helpu di. Gallet ti ein ffonio ni ar {{organisationPhone}}.

Oddi wrth y tîm cwynion`;

const REPLY_EN_ADULT = `[[address]]

{{letterDate}}

[[reference Your reference number]]

Dear {{complainantName}},

Thank you for writing to us. Your letter reached us on {{receivedDate}}.

## How we will deal with your letter
Our complaints procedure is for the children and families we work with in family court cases. As you are not one of them, your letter is outside that procedure. We will still read it carefully and reply to you in writing.

## Who will reply, and when
{{managerName}} will reply to you by {{responseDueDate}}.

## How to contact {{managerName}}
- Phone: {{managerPhone}}
- Email: {{managerEmail}}
- Address: {{managerAddress}}

Please quote your reference number when you get in touch.

Yours sincerely,

The Customer Service and Quality team`;

const REPLY_EN_CHILD = `[[address]]

{{letterDate}}

[[reference Your number]]

Dear {{complainantName}},

Thank you for writing to us. We got your letter on {{receivedDate}}.

## What happens now
Our complaints process is for the children and families we work with in court. You are not one of them, so we will answer you in a different way. We will still read your letter and write back to you.

## Who will write back, and when
{{managerName}} will write back to you by {{responseDueDate}}.

## How to talk to {{managerName}}
- Phone: {{managerPhone}}
- Email: {{managerEmail}}
- Write to: {{managerAddress}}

Tell them your number.

From the complaints team`;

const REPLY_CY_ADULT = `[[address]]

{{letterDate}}

[[reference Eich cyfeirnod]]

Annwyl {{complainantName}},

Diolch am ysgrifennu atom. Daeth eich llythyr i law ar {{receivedDate}}.

## Sut y byddwn yn delio â'ch llythyr
Mae ein gweithdrefn gwyno ar gyfer y plant a'r teuluoedd rydym yn gweithio gyda nhw mewn achosion llys teulu. Gan nad ydych yn un ohonynt, mae eich llythyr y tu allan i'r weithdrefn honno. Byddwn yn dal i'w ddarllen yn ofalus ac yn ateb yn ysgrifenedig.

## Pwy fydd yn ateb, a phryd
Bydd {{managerName}} yn ateb erbyn {{responseDueDate}}.

## Sut i gysylltu â'r rheolwr
- Ffôn: {{managerPhone}}
- E-bost: {{managerEmail}}
- Cyfeiriad: {{managerAddress}}

Rhowch eich cyfeirnod pan fyddwch yn cysylltu â ni.

Yn gywir,

Y tîm Gwasanaeth Cwsmeriaid ac Ansawdd`;

const REPLY_CY_CHILD = `[[address]]

{{letterDate}}

[[reference Dy rif]]

Annwyl {{complainantName}},

Diolch am ysgrifennu atom ni. Cawsom ni dy lythyr ar {{receivedDate}}.

## Beth sy'n digwydd nawr
Mae ein ffordd o ddelio â chwynion ar gyfer y plant a'r teuluoedd rydyn ni'n gweithio gyda nhw yn y llys. Dwyt ti ddim yn un ohonyn nhw, felly byddwn ni'n dy ateb di mewn ffordd wahanol. Byddwn ni'n dal i ddarllen dy lythyr ac yn ysgrifennu'n ôl atat ti.

## Pwy fydd yn ysgrifennu'n ôl, a phryd
Bydd {{managerName}} yn ysgrifennu'n ôl atat ti erbyn {{responseDueDate}}.

## Sut i siarad â'r rheolwr
- Ffôn: {{managerPhone}}
- E-bost: {{managerEmail}}
- Ysgrifenna at: {{managerAddress}}

Dyweda dy rif wrthyn nhw.

Oddi wrth y tîm cwynion`;

export const LETTER_TEMPLATE_SEEDS: readonly TemplateSeed[] = [
  { kind: 'acknowledgement', audience: 'adult', language: 'en', subject: 'We have received your complaint – {{reference}}', body: ACKNOWLEDGEMENT_EN_ADULT },
  { kind: 'acknowledgement', audience: 'child', language: 'en', subject: 'We got your complaint – {{reference}}', body: ACKNOWLEDGEMENT_EN_CHILD },
  { kind: 'acknowledgement', audience: 'adult', language: 'cy', subject: 'Rydym wedi cael eich cwyn – {{reference}}', body: ACKNOWLEDGEMENT_CY_ADULT },
  { kind: 'acknowledgement', audience: 'child', language: 'cy', subject: 'Rydyn ni wedi cael dy gŵyn – {{reference}}', body: ACKNOWLEDGEMENT_CY_CHILD },
  { kind: 'non_service_user_reply', audience: 'adult', language: 'en', subject: 'We have received your letter – {{reference}}', body: REPLY_EN_ADULT },
  { kind: 'non_service_user_reply', audience: 'child', language: 'en', subject: 'We got your letter – {{reference}}', body: REPLY_EN_CHILD },
  { kind: 'non_service_user_reply', audience: 'adult', language: 'cy', subject: 'Rydym wedi cael eich llythyr – {{reference}}', body: REPLY_CY_ADULT },
  { kind: 'non_service_user_reply', audience: 'child', language: 'cy', subject: 'Rydyn ni wedi cael dy lythyr – {{reference}}', body: REPLY_CY_CHILD },
];

/** Adds version 1 of each template where it is missing; the organisation's own versions are kept. */
export async function seedLetterTemplates(db: Executor): Promise<void> {
  await addLetterTemplates(
    db,
    LETTER_TEMPLATE_SEEDS.map((t) => ({ ...t, version: 1 })),
  );
}
