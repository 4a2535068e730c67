/**
 * "Exit this page": some people using the service are escaping abuse. Without JavaScript it is a
 * plain link to `url`: a neutral site, or (on the portal) the app's own exit address, which forgets
 * what the browser holds and sends it on to the neutral site. Pressing Escape three times within
 * five seconds leaves too. The script is tiny and inline (with the page's CSP nonce) so it works
 * before the rest of the page's JavaScript loads; Space presses the link once GOV.UK Frontend's
 * button script runs.
 *
 * With JavaScript, leaving also takes the service's pages out of Back's reach. No page can delete
 * history entries, so every entry of ours records how many of our pages came before it in this
 * visit: Remix numbers the entries it adds within one document (`history.state.idx`), and this
 * script adds the document's own starting point (`appExitBase`), which is none when the page
 * before was not ours (the referrer policy is same-origin, so another site's page leaves no
 * referrer) and one more than the page left otherwise (noted in session storage as a page is left).
 * Leaving goes back that many entries, to the visit's first page, and replaces it with the exit
 * address; Back from the neutral site then reaches the page before the visit. The request to leave
 * is carried over in session storage for a few seconds only, and if going back does not happen
 * (an entry missing), the page leaves where it is after a moment. Forward can still reach the later
 * pages of the visit, which the exit address has emptied of answers.
 *
 * Remix writes its own state into the entries it adds, so `pushState` and `replaceState` are
 * wrapped to keep `appExitBase` in every entry: there is no browser event for an added entry.
 */
export function exitThisPageScript(url: string): string {
  const target = JSON.stringify(url);
  return [
    `(function(){var u=${target},n=0,t,left=false,w,s=null,K='app-exit-depth',X='app-exit-at',h=window.history;`,
    `try{s=window.sessionStorage}catch(x){}`,
    `function get(k){try{return s&&s.getItem(k)}catch(x){return null}}`,
    `function put(k,v){try{if(s){if(v===null)s.removeItem(k);else s.setItem(k,v)}}catch(x){}}`,
    `function st(){var v=h.state;return v&&typeof v==='object'?v:{}}`,
    `function num(v){return typeof v==='number'&&v>=0?v:null}`,
    `var base=num(st().appExitBase);`,
    `if(base===null){var ours=false;try{ours=!!document.referrer&&new URL(document.referrer).origin===location.origin}catch(x){}`,
    `var before=num(get(K)===null?null:Number(get(K)));base=ours&&before!==null?before+1:0}`,
    `function keep(f){return function(v,a,b){if(v===null||v===undefined||typeof v==='object')v=Object.assign({},v||{},{appExitBase:base});return f.call(h,v,a,b)}}`,
    `try{h.pushState=keep(h.pushState);h.replaceState=keep(h.replaceState);h.replaceState(st(),'')}catch(x){}`,
    `function depth(){var v=st(),b=num(v.appExitBase);return(b===null?base:b)+(num(v.idx)||0)}`,
    `function leave(){if(left)return;left=true;put(X,null);document.documentElement.classList.add('app-exiting');try{window.location.replace(u)}catch(x){window.location.href=u}}`,
    `function asked(){var at=Number(get(X));return at>0&&Date.now()-at<10000}`,
    `function arrive(){if(asked())leave()}`,
    `arrive();window.addEventListener('popstate',arrive);`,
    `window.addEventListener('pageshow',function(e){if(e.persisted){left=false;document.documentElement.classList.remove('app-exiting');arrive()}});`,
    `window.addEventListener('pagehide',function(){clearTimeout(w);if(!left)put(K,String(depth()))});`,
    `function go(e){if(e)e.preventDefault();document.documentElement.classList.add('app-exiting');var d=depth();`,
    `if(d>0&&s){put(X,String(Date.now()));w=setTimeout(leave,1500);h.go(-d);return}leave()}`,
    `document.addEventListener('click',function(e){var a=e.target&&e.target.closest&&e.target.closest('[data-exit-this-page]');if(a)go(e)});`,
    `document.addEventListener('keydown',function(e){if(e.key!=='Escape')return;n++;clearTimeout(t);t=setTimeout(function(){n=0},5000);if(n>=3){n=0;go()}})})();`,
  ].join('');
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
