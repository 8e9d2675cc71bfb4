import { useEffect, useState } from 'preact/hooks';

/** History routing: the server answers the app's page for every path outside the API. */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const changed = () => setUrl(new URL(location.href));
    addEventListener('popstate', changed);
    return () => removeEventListener('popstate', changed);
  }, []);
  return url;
}

/** Links inside the app move without a page load. */
export function onLinkClick(event: MouseEvent): void {
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('/v1/') || href.startsWith('//')) return;
  event.preventDefault();
  navigate(href);
}
