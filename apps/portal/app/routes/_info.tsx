import { Outlet } from '@remix-run/react';

export const handle = { i18n: ['common', 'pages'] };

/** Information pages (accessibility, privacy, cookies) share this layout. */
export default function InfoLayout() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Outlet />
      </div>
    </div>
  );
}
