import { useTranslation } from 'react-i18next';

/**
 * The moves the lifecycle holds back from this person now, each with the reason, so that nobody is
 * left wondering where a button went.
 */
export function HeldBackMoves({ moves }: { moves: Array<{ move: string; heldBack: string | null }> }) {
  const { t } = useTranslation('casework');
  return (
    <ul className="govuk-list govuk-list--bullet">
      {moves.map((m) => (
        <li key={m.move} data-held-back={m.move}>
          <span className="govuk-!-font-weight-bold">{t(`casework:moves.${m.move}`)}</span>: {m.heldBack}
        </li>
      ))}
    </ul>
  );
}
