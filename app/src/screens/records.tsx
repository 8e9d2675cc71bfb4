import { useState } from 'preact/hooks';
import { api, authorized } from '../api.js';
import { formatDate, formatJp, useI18n } from '../i18n.js';
import { useData } from '../use-data.js';
import { Meter, Screen, Status } from '../ui.js';

/** A file behind the bearer token, handed to the browser as a download. */
async function download(path: string, name: string) {
  const res = await authorized(path);
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Certificates() {
  const { t, lang } = useI18n();
  const state = useData('me/certificates', () => api.GET('/v1/me/certificates'));
  return (
    <Screen title={t.certificatesTitle}>
      <Status state={state}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.noCertificates}</p>
          ) : (
            <ul class="cards">
              {list.map((c) => (
                <li key={c.id} class="card">
                  <h2>{c.fields.program}</h2>
                  <p>
                    {c.number} · {c.fields.cohortName}
                    <br />
                    {t.issuedOn(formatDate(c.fields.issuedOn, lang))} · {c.fields.predikat} ·{' '}
                    {formatJp(c.fields.totalJp ?? 0)} JP
                    {c.revokedAt && (
                      <>
                        {' '}
                        · <span class="badge state-closed">{t.revoked}</span>
                      </>
                    )}
                  </p>
                  <p class="actions">
                    <button type="button" onClick={() => void download(c.pdfUrl, `${c.number}.pdf`)}>
                      {t.downloadPdf}
                    </button>
                    <button type="button" onClick={() => void download(c.badgeUrl, `${c.number}.jwt`)}>
                      {t.downloadBadge}
                    </button>
                    <a href={c.verifyUrl} target="_blank" rel="noopener noreferrer">
                      {t.verify}
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Status>
    </Screen>
  );
}

export function AnnualJp() {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const state = useData(`me/jp/${year}`, () => api.GET('/v1/me/jp', { params: { query: { year } } }));
  const years = Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i);
  return (
    <Screen title={t.jpTitle}>
      <div class="field">
        <label for="year">{t.year}</label>
        <select id="year" value={year} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <Status state={state}>
        {(jp) => (
          <>
            <div class="card">
              <p class="big" data-testid="jp-total">
                {t.jpTotal(Number(formatJp(jp.totalJp)), jp.targetJp)}
              </p>
              <Meter
                value={jp.totalJp}
                max={jp.targetJp}
                label={t.jpTotal(Number(formatJp(jp.totalJp)), jp.targetJp)}
              />
              <p>{jp.remainingJp > 0 ? t.jpRemaining(Number(formatJp(jp.remainingJp))) : t.jpReached}</p>
            </div>
            {jp.programs.length > 0 && (
              <>
                <h2>{t.programsInYear}</h2>
                <ul>
                  {jp.programs.map((p) => (
                    <li key={p.enrollmentId}>
                      {p.course.title} · {p.organizer.name}: {formatJp(p.jp)} JP
                    </li>
                  ))}
                </ul>
              </>
            )}
            {jp.external.length > 0 && (
              <>
                <h2>{t.externalTrainings}</h2>
                <ul>
                  {jp.external.map((x) => (
                    <li key={x.id}>
                      {x.title} ({x.organizer}, {formatDate(x.startDate, lang)}): {formatJp(x.jp)} JP
                    </li>
                  ))}
                </ul>
              </>
            )}
            {jp.adjustmentsJp !== 0 && (
              <p>
                {t.adjustments}: {formatJp(jp.adjustmentsJp)} JP
              </p>
            )}
          </>
        )}
      </Status>
    </Screen>
  );
}
