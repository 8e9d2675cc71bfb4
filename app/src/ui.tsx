import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n.js';
import type { Loaded } from './use-data.js';

/** A screen: its heading takes the focus when it opens, so screen readers announce where one is. */
export function Screen({ title, children }: { title: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
    heading.current?.focus();
  }, [title]);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export function Status<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useI18n();
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.loading) return <p role="status">{t.loading}</p>;
  return (
    <div role="alert" class="notice">
      <p>{state.error === 'offline' ? t.notAvailableOffline : t.errorGeneric}</p>
      <button type="button" onClick={state.reload}>
        {t.retry}
      </button>
    </div>
  );
}

export function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  return <progress value={Math.min(value, max)} max={max || 1} aria-label={label} />;
}
