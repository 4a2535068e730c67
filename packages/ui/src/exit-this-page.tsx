/**
 * "Exit this page": some people using the service are escaping abuse. Without JavaScript it is a
 * plain link to `url`: a neutral site, or (on the portal) the app's own exit address, which forgets
 * what the browser holds and sends it on to the neutral site. With JavaScript, leaving replaces the
 * history entry so Back does not return here, and pressing Escape three times within five seconds
 * leaves too. The script is tiny and inline (with the page's CSP nonce) so it works before the rest
 * of the page's JavaScript loads; Space presses the link once GOV.UK Frontend's button script runs.
 */
export function exitThisPageScript(url: string): string {
  const target = JSON.stringify(url);
  return `(function(){var u=${target};var n=0,t;function go(e){if(e)e.preventDefault();document.documentElement.classList.add('app-exiting');try{window.location.replace(u)}catch(x){window.location.href=u}}document.addEventListener('click',function(e){var a=e.target&&e.target.closest&&e.target.closest('[data-exit-this-page]');if(a)go(e)});document.addEventListener('keydown',function(e){if(e.key!=='Escape')return;n++;clearTimeout(t);t=setTimeout(function(){n=0},5000);if(n>=3){n=0;go()}})})();`;
}

/**
 * Going Back or Forward to a page, a browser puts back what had been typed into its forms from its
 * own memory of the page, even when it fetches the page again; after "Exit this page" that would
 * show the next person at a shared device the answers the server has just forgotten. So on such a
 * return the forms are reset to what the server sent (the answers still saved, or none), and a page
 * with forms kept whole in the back/forward cache is fetched again. (The portal's forms also ask the
 * browser, with autocomplete="off", to keep no such memory; that is what works without JavaScript.)
 */
export function forgetRestoredFormsScript(): string {
  return `window.addEventListener('pageshow',function(e){if(!document.forms.length)return;if(e.persisted){window.location.reload();return}var n=window.performance&&performance.getEntriesByType&&performance.getEntriesByType('navigation')[0];if(n&&n.type==='back_forward'){for(var i=0;i<document.forms.length;i++)document.forms[i].reset()}});`;
}

export function ExitThisPage({ url, label, hint }: { url: string; label: string; hint: string }) {
  return (
    <div className="govuk-exit-this-page app-exit-this-page">
      <a
        href={url}
        role="button"
        draggable="false"
        rel="nofollow noreferrer"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button"
        data-exit-this-page=""
        data-module="govuk-button"
        aria-describedby="exit-this-page-hint"
      >
        {label}
      </a>
      <span id="exit-this-page-hint" className="govuk-visually-hidden">
        {hint}
      </span>
    </div>
  );
}
