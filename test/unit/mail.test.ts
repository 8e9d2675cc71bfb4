import { describe, expect, test } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/config.js';
import { MAIL_KINDS, MAIL_LANGS, renderMail } from '../../src/modules/mail/templates.js';
import { classifySendError } from '../../src/modules/mail/transport.js';

const params = {
  name: 'Siti <b>Rahma</b>',
  login: '199102032024012001',
  orgName: 'BKPSDM Kota Jambi',
  cohortName: 'Orientasi PPPK Angkatan I',
  expiresOn: '2024-11-08',
  ttlMinutes: 60,
  phaseName: 'MOOC',
  phaseKind: 'online',
  startDate: '2024-10-23',
  endDate: '2024-11-08',
  onlineJp: 12.5,
  requiredJp: 45,
  number: '001/ORIENTASI-I/2024',
  verifyUrl: 'https://diklat.example.go.id/v1/certificates/verify/ABC',
};
const options = { secret: 'K7QM-2XHP-9RTD', baseUrl: 'https://diklat.example.go.id/', senderName: 'BKPSDM Kota Jambi' };

describe('mail templates', () => {
  test('every kind renders in both languages, with text and HTML saying the same', () => {
    for (const kind of MAIL_KINDS) {
      for (const lang of MAIL_LANGS) {
        const mail = renderMail(kind, lang, params, options);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.text).toContain(lang === 'id' ? 'Yth. Siti <b>Rahma</b>' : 'Dear Siti <b>Rahma</b>');
        // Names are text in HTML, never markup.
        expect(mail.html).toContain('Siti &lt;b&gt;Rahma&lt;/b&gt;');
        expect(mail.html).not.toContain('<b>Rahma');
        expect(mail.html).toContain(`<html lang="${lang}">`);
        expect(mail.text).toContain('BKPSDM Kota Jambi');
      }
    }
  });

  test('links follow the participant app\u2019s contract', () => {
    const invitation = renderMail('invitation', 'id', params, options);
    expect(invitation.text).toContain(
      'https://diklat.example.go.id/activate?login=199102032024012001&code=K7QM-2XHP-9RTD',
    );
    expect(invitation.text).toContain('8 November 2024');
    expect(invitation.html).toContain('href="https://diklat.example.go.id/activate?login=199102032024012001&amp;code=');
    const byEmail = renderMail('invitation', 'en', { ...params, login: 'budi+ppk@example.org' }, options);
    expect(byEmail.text).toContain('/activate?login=budi%2Bppk%40example.org&code=');
    const reset = renderMail('password_reset', 'id', params, { ...options, secret: 'tok_en-1' });
    expect(reset.text).toContain('https://diklat.example.go.id/reset-password?token=tok_en-1');
    expect(reset.text).toContain('60 menit');
  });

  test('Indonesian numbers and dates', () => {
    const reminder = renderMail('pace_reminder', 'id', params, options);
    expect(reminder.text).toContain('12,5 dari 45 JP');
    expect(renderMail('pace_reminder', 'en', params, options).text).toContain('12.5 of 45 JP');
    expect(renderMail('phase_opened', 'id', params, options).text).toContain('23 Oktober 2024 – 8 November 2024');
    expect(renderMail('phase_opened', 'id', params, options).text).toContain('Fase daring MOOC');
  });
});

describe('mail configuration', () => {
  test('MAIL_FROM takes a name and an address, or an address', () => {
    expect(loadConfig({ MAIL_FROM: 'Diklat Kota Jambi <diklat@jambikota.go.id>' }).mail.from).toEqual({
      name: 'Diklat Kota Jambi',
      address: 'diklat@jambikota.go.id',
    });
    expect(loadConfig({ MAIL_FROM: 'diklat@jambikota.go.id' }).mail.from).toEqual({
      name: null,
      address: 'diklat@jambikota.go.id',
    });
    expect(() => loadConfig({ MAIL_FROM: 'Diklat <not an address>' })).toThrow(/MAIL_FROM/);
  });

  test('an SMTP server needs a sender; without one mails stay in the local outbox', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeUndefined();
    expect(loadConfig({}).passwordReset.ttlMinutes).toBe(60);
    try {
      loadConfig({ SMTP_URL: 'smtp://user:pass@mail.example.go.id:587' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toMatch(/^MAIL_FROM: required with SMTP_URL/m);
    }
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.go.id' })).toThrow(/SMTP_URL/);
  });
});

describe('what a failed send means', () => {
  test('refused for good, refused for now, never connected, or cut off', () => {
    expect(classifySendError({ responseCode: 550, message: 'No such mailbox' }).outcome).toBe('rejected');
    expect(classifySendError({ responseCode: 451, message: 'Try again later' }).outcome).toBe('retry');
    expect(classifySendError({ responseCode: 535, code: 'EAUTH', message: 'Invalid login' }).outcome).toBe('retry');
    expect(classifySendError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }).outcome).toBe(
      'retry',
    );
    expect(classifySendError({ code: 'ETIMEDOUT', message: 'Timeout' }).outcome).toBe('unknown');
    expect(classifySendError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }).outcome).toBe(
      'unknown',
    );
  });
});
