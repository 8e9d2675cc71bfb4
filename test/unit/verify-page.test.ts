import { describe, expect, test } from 'vitest';
import { languageOf, maskNip, verifyPage, type VerifyView } from '../../src/modules/certificates/verify-page.js';

const view: VerifyView = {
  status: 'valid',
  number: '17/PPPK-2024-I/2024',
  name: 'Siti <b>Rahmawati</b>',
  nip: maskNip('199003152024212001'),
  program: 'Orientasi PPPK',
  organizer: 'Pemerintah Kota Jambi',
  cohort: 'Angkatan I Tahun 2024',
  startDate: '2024-10-23',
  endDate: '2024-12-18',
  totalJp: 51.5,
  predikat: 'Sangat Memuaskan',
  date: '2024-12-20',
  signatories: [{ position: 'Kepala BKPSDM', name: 'Dr. H. Ahmad Syukri' }],
  signed: false,
  revokedAt: null,
  revokeCategory: null,
  replacedBy: null,
};

describe('verification page', () => {
  test('the NIP shows only its last four digits', () => {
    expect(maskNip('199003152024212001')).toBe('**************2001');
    expect(maskNip(null)).toBeNull();
  });

  test('Indonesian unless English is asked for, by query or by the browser', () => {
    expect(languageOf(undefined, undefined)).toBe('id');
    expect(languageOf(undefined, 'id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(languageOf(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(languageOf('id', 'en-GB')).toBe('id');
    expect(languageOf('en', undefined)).toBe('en');
  });

  test('values are escaped, numbers and dates read the reader’s way', () => {
    const id = verifyPage(view, 'id');
    expect(id).toContain('Siti &lt;b&gt;Rahmawati&lt;/b&gt;');
    expect(id).not.toContain('<b>');
    expect(id).toContain('51,5');
    expect(id).toContain('23 Oktober 2024 s.d. 18 Desember 2024');
    expect(id).toContain('tidak ditandatangani secara elektronik');
    expect(id).toContain('href="?lang=en"');
    const en = verifyPage(
      { ...view, status: 'revoked', revokedAt: new Date('2024-12-22T00:00:00Z'), revokeCategory: 'misconduct' },
      'en',
    );
    expect(en).toContain('REVOKED');
    expect(en).toContain('51.5');
    expect(en).toContain('Revoked on 22 December 2024');
    expect(en).toContain('misconduct');
  });
});
