import type { Lang } from './lang.js';

/**
 * Every other text a person reads, by key, in every language. `satisfies` makes a key without
 * one of the languages a compile error; `{name}` is filled from params.
 */
export const MESSAGES = {
  // ---- what a NOT_FOUND names ----
  'entity.Organization': { id: 'Organisasi', en: 'Organization' },
  'entity.Enrollment': { id: 'Pendaftaran', en: 'Enrollment' },
  'entity.Phase': { id: 'Fase', en: 'Phase' },
  'entity.User': { id: 'Pengguna', en: 'User' },
  'entity.Lesson': { id: 'Materi', en: 'Lesson' },
  'entity.Submission': { id: 'Kiriman tugas', en: 'Submission' },
  'entity.Cohort': { id: 'Angkatan', en: 'Cohort' },
  'entity.Webhook endpoint': { id: 'Titik akhir webhook', en: 'Webhook endpoint' },
  'entity.Session': { id: 'Sesi', en: 'Session' },
  'entity.Course': { id: 'Pelatihan', en: 'Course' },
  'entity.Course version': { id: 'Versi pelatihan', en: 'Course version' },
  'entity.Results': { id: 'Hasil', en: 'Results' },
  'entity.Result': { id: 'Hasil', en: 'Result' },
  'entity.Question': { id: 'Soal', en: 'Question' },
  'entity.Module': { id: 'Modul', en: 'Module' },
  'entity.Job': { id: 'Tugas latar', en: 'Job' },
  'entity.File of this submission': { id: 'Berkas kiriman ini', en: 'File of this submission' },
  'entity.Certificate': { id: 'Sertifikat', en: 'Certificate' },
  'entity.Issuer': { id: 'Penerbit', en: 'Issuer' },
  'entity.Logo': { id: 'Logo', en: 'Logo' },
  'entity.Route': { id: 'Rute', en: 'Route' },
  'entity.Component': { id: 'Komponen', en: 'Component' },
  'entity.Mail': { id: 'Surel', en: 'Mail' },
  'entity.versionNumber': { id: 'Versi {number} pelatihan', en: 'Version {number} of the course' },
  'entity.organizationCode': { id: 'Organisasi {code}', en: 'Organization {code}' },

  // ---- details of codes that are answered in more than one situation ----
  'PASSWORD_RESET_INVALID.used': {
    id: 'Tautan atur ulang sudah dipakai atau diganti tautan yang lebih baru; mintalah yang baru',
    en: 'The reset link was already used or replaced by a newer one; ask for a new one',
  },
  'PASSWORD_RESET_INVALID.expired': {
    id: 'Tautan atur ulang sudah kedaluwarsa; mintalah yang baru',
    en: 'The reset link has expired; ask for a new one',
  },
  'PHASE_NOT_OPEN.closeFirst': { id: 'Buka fase ini sebelum menutupnya', en: 'Open the phase before closing it' },
  'PHASE_NOT_OPEN.noneOpen': {
    id: 'Tidak ada fase angkatan yang sedang dibuka',
    en: 'No phase of the cohort is open now',
  },
  'PHASE_CLOSED.noOnline': {
    id: 'Tidak ada fase daring yang dibuka untuk pendaftaran ini',
    en: 'No online phase is open for this enrollment',
  },
  'PHASE_CLOSED.noRemedial': {
    id: 'Fase-fase angkatan sudah ditutup, dan tidak ada masa remedial yang dibuka',
    en: 'The cohort\u2019s phases are closed, and no remedial window is open',
  },
  'SCHEDULE_CHOICE_REQUIRED.ended': {
    id: '{due} dari {total} fase seharusnya sudah dibuka, dan program sudah berakhir: kirim "missed": "apply" untuk menjalankan transisinya sekarang, atau "past-program" untuk mencatatnya sebagaimana berjalan',
    en: '{due} of its {total} phase(s) should already have opened, and the program has ended: send "missed": "apply" to run those transitions now, or "past-program" to record it as it ran',
  },
  'REOPEN_DATE_INVALID.missing': {
    id: 'Pembukaan kembali memerlukan hari terakhir yang baru (endDate, TTTT-BB-HH)',
    en: 'Reopening needs the new last day (endDate, YYYY-MM-DD)',
  },
  'REOPEN_DATE_INVALID.beforeToday': {
    id: 'Fase akan ditutup sebelum hari ini ({today})',
    en: 'The phase would close before today ({today})',
  },
  'REOPEN_DATE_INVALID.earlier': {
    id: 'Fase berakhir {endDate}: tidak dapat berakhir lebih awal',
    en: 'The phase ended {endDate}: it cannot end earlier',
  },
  'REOPEN_DATE_INVALID.overlap': {
    id: '"{phase}" dimulai {startDate}: fase berjalan berurutan tanpa tumpang tindih',
    en: '"{phase}" starts {startDate}: phases run in order without overlap',
  },
  'COHORT_CLOSED.cancelled': { id: 'Angkatan ini dibatalkan', en: 'The cohort is cancelled' },
  'COHORT_CLOSED.target': { id: 'Angkatan tujuan berstatus {status}', en: 'The target cohort is {status}' },
  'COHORT_FULL.target': {
    id: 'Angkatan tujuan sudah penuh (kapasitas {capacity})',
    en: 'The target cohort is full (capacity {capacity})',
  },
  'COHORT_NOT_SCHEDULED.toDraft': {
    id: 'Angkatan ini berstatus {status}: hanya angkatan terjadwal yang fasenya belum dibuka yang dapat kembali menjadi draf',
    en: 'The cohort is {status}: only a scheduled cohort whose phases have not opened goes back to draft',
  },
  'PHASE_STARTED.timeZone': {
    id: 'Zona waktu tidak dapat diubah setelah sebuah fase dibuka',
    en: 'The time zone cannot change once a phase has opened',
  },
  'ALREADY_ENROLLED.target': {
    id: 'Peserta sudah terdaftar di angkatan tujuan',
    en: 'The participant is already enrolled in the target cohort',
  },
  'ALREADY_ENROLLED.same': {
    id: 'Pendaftaran ini sudah berada di angkatan ini',
    en: 'The enrollment is already in this cohort',
  },
  'ALREADY_WITHDRAWN.move': {
    id: 'Pendaftaran yang sudah mengundurkan diri tidak dapat dipindahkan',
    en: 'A withdrawn enrollment cannot move',
  },
  'COURSE_NOT_PUBLISHED.draft': {
    id: 'Versi {version} masih draf; angkatan memakai versi yang sudah diterbitkan',
    en: 'Version {version} is a draft; a cohort pins a published version',
  },
  'NOT_A_QUIZ.questions': { id: 'Soal hanya untuk materi kuis', en: 'Questions belong to quiz lessons' },
  'PERSON_EXISTS.platformAdmin': {
    id: 'Administrator platform tidak dapat sekaligus menjadi anggota organisasi',
    en: 'A platform administrator cannot also be an organization member',
  },
  'NOT_A_PARTICIPANT.platformAdmin': {
    id: 'Administrator platform tidak dapat didaftarkan',
    en: 'Platform administrators cannot be enrolled',
  },
  'SUBMISSION_UNDER_REVIEW.simultaneous': {
    id: 'Kiriman lain tiba pada saat yang sama',
    en: 'Another hand-in arrived at the same moment',
  },
  'EMAIL_TAKEN.member': {
    id: '{email} milik akun anggota sebuah organisasi',
    en: "{email} belongs to an organization member's account",
  },
  'FORBIDDEN.grantRole': {
    id: 'Hanya administrator platform yang dapat memberikan peran itu',
    en: 'Only platform administrators can grant that role',
  },
  'UNAUTHENTICATED.metrics': { id: 'Diperlukan token metrik', en: 'A metrics token is required' },
  'UNSUPPORTED_MEDIA_TYPE.multipart': {
    id: 'Kirim berkas sebagai multipart/form-data',
    en: 'Send the file as multipart/form-data',
  },
  'file.accepted': {
    id: 'kirim PDF, gambar PNG, JPEG atau WebP, atau dokumen DOCX, XLSX atau PPTX',
    en: 'send a PDF, a PNG, JPEG or WebP image, or a DOCX, XLSX or PPTX document',
  },
  'UNSUPPORTED_FILE_TYPE.empty': { id: 'Berkas kosong; {accepted}', en: 'The file is empty; {accepted}' },
  'UNSUPPORTED_FILE_TYPE.unknown': {
    id: 'Isi berkas tidak dikenali sebagai jenis apa pun; {accepted}',
    en: 'The content of the file is of no known type; {accepted}',
  },
  'UNSUPPORTED_FILE_TYPE.kind': {
    id: 'Isi berkas berjenis {kind}; {accepted}',
    en: 'The content of the file is {kind}; {accepted}',
  },
  'UNSUPPORTED_FILE_TYPE.zip': {
    id: 'Berkas ini arsip ZIP, bukan dokumen Office; {accepted}',
    en: 'The file is a ZIP archive, not an office document; {accepted}',
  },
  'UNSUPPORTED_FILE_TYPE.macros': {
    id: 'Dokumen bermakro tidak diterima; {accepted}',
    en: 'Documents with macros are not accepted; {accepted}',
  },
  'UNSUPPORTED_FILE_TYPE.otherOffice': {
    id: 'Berkas ini paket OOXML, tetapi bukan dokumen Word, Excel atau PowerPoint; {accepted}',
    en: 'The file is an OOXML package, but not a Word, Excel or PowerPoint document; {accepted}',
  },
  'UNSUPPORTED_FILE_TYPE.zip64': {
    id: 'Arsip ZIP64 tidak diterima; {accepted}',
    en: 'ZIP64 archives are not accepted; {accepted}',
  },
  'UNSUPPORTED_FILE_TYPE.damaged': {
    id: 'Arsip ZIP atau dokumen Office ini rusak atau tidak lengkap; {accepted}',
    en: 'The ZIP archive or office document is damaged or incomplete; {accepted}',
  },
  'PAYLOAD_TOO_LARGE.body': {
    id: 'Isi permintaan lebih besar dari yang diizinkan',
    en: 'The request body is larger than allowed',
  },
  'PAYLOAD_TOO_LARGE.file': { id: 'Berkas lebih besar dari yang diizinkan', en: 'The file is larger than allowed' },
  'PAYLOAD_TOO_LARGE.fileMax': {
    id: 'Berkas lebih besar dari yang diizinkan ({maxBytes} byte)',
    en: 'The file is larger than allowed ({maxBytes} bytes)',
  },
  'MALFORMED_JSON.empty': { id: 'Isi JSON kosong', en: 'The JSON body is empty' },
  'MALFORMED_MULTIPART.fieldName': {
    id: 'Nama isian formulir tidak diizinkan',
    en: 'A form field name is not allowed',
  },
  'MALFORMED_MULTIPART.jsonField': { id: 'Isian JSON formulir tidak valid', en: 'A JSON form field is not valid' },
  'BAD_REQUEST.noRoute': { id: 'Permintaan tidak cocok dengan rute mana pun', en: 'The request matches no route' },
  'TOKEN_INVALID.header': { id: 'Header otorisasi rusak', en: 'The authorization header is malformed' },
  'RATE_LIMITED.address': {
    id: 'Terlalu banyak percobaan gagal dari alamat ini; coba lagi nanti',
    en: 'Too many failed attempts from this address; retry later',
  },
  'VALIDATION_FAILED.orgId': {
    id: 'orgId wajib diisi untuk administrator platform',
    en: 'orgId is required for platform administrators',
  },
  'VALIDATION_FAILED.nul': { id: 'Permintaan berisi karakter NUL', en: 'The request contains the NUL character' },
  'VALIDATION_FAILED.extension': {
    id: 'Perpanjangan harus berakhir setelah fase ({endDate})',
    en: 'The extension must end after the phase ({endDate})',
  },
  'VALIDATION_FAILED.permutation': {
    id: 'ids harus memuat setiap butir yang ada tepat satu kali',
    en: 'ids must list every current item exactly once',
  },
  'VALIDATION_FAILED.endsBeforeStart': {
    id: 'Pelatihan berakhir sebelum dimulai',
    en: 'The training ends before it starts',
  },
  'VALIDATION_FAILED.fileOrText': {
    id: 'Kirim berkas (multipart/form-data) atau teks (JSON)',
    en: 'Send a file (multipart/form-data) or a text (JSON)',
  },
  'SUBMISSION_KIND_REFUSED.file': { id: 'berkas, bukan teks', en: 'a file, not a text' },
  'SUBMISSION_KIND_REFUSED.text': { id: 'teks, bukan berkas', en: 'a text, not a file' },
  'WEBHOOK_TARGET_NOT_ALLOWED.unresolvable': {
    id: 'Nama host titik akhir tidak dapat diresolusi',
    en: 'The endpoint\u2019s host name does not resolve',
  },
  'ORGANIZATION_NOT_EMPTY.users': {
    id: 'Organisasi ini masih memiliki pengguna; nonaktifkan atau pindahkan lebih dulu',
    en: 'The organization still has users; disable or move them first',
  },
  'NOT_A_PARTICIPANT.nipOnly': {
    id: 'Hanya orang ber-NIP yang dapat didaftarkan (organisasi ini tidak menerima peserta tanpa NIP)',
    en: 'Only people with a NIP can be enrolled (the organization does not admit participants without one)',
  },

  // ---- field errors (a schema's refinement names its key) ----
  'validation.commonPassword': {
    id: 'Kata sandi ini termasuk yang paling umum; pilih yang lain',
    en: 'This password is one of the most common ones; choose another',
  },
  'validation.ownIdentifier': {
    id: 'Kata sandi tidak boleh berupa NIP atau email Anda sendiri',
    en: 'The password must not be your own NIP or email',
  },
  'validation.timeZone': {
    id: 'Bukan zona waktu IANA seperti Asia/Jakarta',
    en: 'Not an IANA time zone such as Asia/Jakarta',
  },
  'validation.dateRange': {
    id: 'Harus antara 1900-01-01 dan 2999-12-31',
    en: 'Must be between 1900-01-01 and 2999-12-31',
  },
  'validation.loginNeeded': {
    id: 'Pengguna memerlukan NIP atau email untuk login',
    en: 'A user needs a NIP or an email to log in with',
  },
  'validation.componentCode': {
    id: 'Huruf kecil, angka, dan garis bawah, paling banyak 32',
    en: 'Lowercase letters, digits and underscore, up to 32',
  },
  'validation.cohortCode': {
    id: 'Huruf, angka, titik, tanda hubung, garis miring, dan garis bawah, paling banyak 64 karakter',
    en: 'Letters, digits, dot, dash, slash and underscore, up to 64 characters',
  },
  'validation.nipDigits': { id: 'NIP harus tepat 18 angka', en: 'NIP must be exactly 18 digits' },
  'validation.organizationCode': {
    id: 'Huruf besar, angka, dan tanda hubung, 2–32 karakter',
    en: 'Upper-case letters, digits and dashes, 2–32 characters',
  },
  'validation.enrollmentOrNip': { id: 'Isi enrollmentId atau nip, salah satu', en: 'Give either enrollmentId or nip' },
  'validation.adjustmentZero': { id: 'Penyesuaian harus mengubah sesuatu', en: 'An adjustment changes something' },
  // ---- field errors ----
  'field.required': { id: 'Wajib diisi', en: 'Required' },
  'field.unknown': { id: 'Isian tidak dikenal', en: 'Unknown field' },
  'field.invalid': { id: 'Nilai tidak valid', en: 'Invalid value' },
  'field.invalidCursor': { id: 'Kursor tidak valid', en: 'Invalid cursor' },
  'field.laterThan': { id: 'Harus setelah {date}', en: 'Must be later than {date}' },
  'field.notBefore': { id: 'Tidak boleh sebelum {date}', en: 'Must not be before {date}' },
  'field.permutation': { id: 'Diharapkan permutasi dari {count} id', en: 'Expected a permutation of {count} ids' },
  'field.newAccount': { id: 'Buat akun baru', en: 'Create a new account instead' },
  'field.notWithinProgram': {
    id: 'Tidak dalam rentang tanggal program ({span})',
    en: "Not within the program's dates ({span})",
  },

  'field.nul': { id: 'Tidak boleh berisi karakter NUL (U+0000)', en: 'Must not contain the NUL character (U+0000)' },
  'field.nulInName': {
    id: 'Sebuah nama isian berisi karakter NUL (U+0000) atau teks Unicode yang rusak',
    en: 'A field name contains the NUL character (U+0000) or broken Unicode text',
  },
  'field.unpairedSurrogate': {
    id: 'Berisi teks Unicode yang rusak (separuh pasangan surrogate UTF-16)',
    en: 'Contains broken Unicode text (half of a UTF-16 surrogate pair)',
  },
  'field.notEnrolled': { id: 'Tidak terdaftar di angkatan ini', en: 'Not enrolled in this cohort' },
  'field.withdrawn': { id: 'Pendaftaran ini sudah mengundurkan diri', en: 'This enrollment was withdrawn' },
  'field.listedTwice': { id: 'Tercantum lebih dari sekali', en: 'Listed more than once' },
  'field.notAQuestion': { id: 'Bukan soal kuis ini', en: 'Not a question of this quiz' },
  'field.answeredTwice': { id: 'Dijawab dua kali', en: 'Answered twice' },
  'field.notAnOption': { id: 'Tidak termasuk pilihan', en: 'Not among the options' },
  'field.chooseOne': { id: 'Pilih satu pilihan', en: 'Choose one option' },
  'field.sessionInOnlinePhase': {
    id: 'Sesi hanya untuk fase klasikal atau lapangan, bukan fase daring',
    en: 'Sessions belong to classroom or field phases, not online ones',
  },
  'field.afterStart': { id: 'Harus setelah startsAt', en: 'Must be after startsAt' },
  'field.sessionOutsidePhase': {
    id: 'Sesi harus berada dalam tanggal fase, {startDate} sampai {endDate} di {timeZone}',
    en: "The session must lie within the phase's dates, {startDate} to {endDate} in {timeZone}",
  },
  'field.sessionTooShort': {
    id: '{jp} JP memerlukan {needed} menit; sesi ini berlangsung {minutes} menit',
    en: '{jp} JP take {needed} minutes; the session lasts {minutes}',
  },
  'field.notInstructor': { id: 'Bukan pengajar organisasi ini', en: 'Not an instructor of this organization' },
  'field.phaseHasSessions': {
    id: 'Fase "{phase}" memiliki {sessions} sesi: tidak dapat dihapus',
    en: 'Phase "{phase}" has {sessions} session(s): it cannot be removed',
  },
  'field.sessionsOutsideDates': {
    id: '{sessions} sesinya berlangsung dari {from} sampai {to}: tanggal fase harus mencakupnya',
    en: 'Its {sessions} session(s) run from {from} to {to}: the dates must include them',
  },
  'field.weightsSum': {
    id: 'Jumlah bobot {sum}; jumlahnya harus 100',
    en: 'The weights sum to {sum}; they must sum to 100',
  },
  'field.usedTwice': { id: '"{value}" dipakai dua kali', en: '"{value}" is used twice' },
  'field.bandsSameStart': { id: 'Dua predikat dimulai dari {score}', en: 'Two bands start at {score}' },
  'field.bandFromZero': {
    id: 'Satu predikat harus dimulai dari 0, agar setiap nilai memiliki predikat',
    en: 'One band must start at 0, so that every score has a predikat',
  },
  'field.bandAcrossPassMark': {
    id: '"{label}" berlaku dari {from} sampai {to}, melewati batas lulus {passMark}: {below} tidak lulus dan {passMark} lulus dengan predikat yang sama. Mulailah sebuah predikat pada {passMark}, atau kosongkan predikat agar mengikuti batas lulus',
    en: '"{label}" runs from {from} to {to}, across the pass mark {passMark}: {below} fails and {passMark} passes with the same predikat. Start a band at {passMark}, or leave out bands to have them follow the pass mark',
  },
  'field.failingBandPasses': {
    id: '"{label}" adalah predikat tidak lulus, tetapi mulai {from} akan diberikan kepada nilai yang lulus (batas lulus {passMark})',
    en: '"{label}" is a failing predikat, but from {from} it would be given to scores that pass (pass mark {passMark})',
  },
  'field.passingBandFails': {
    id: '"{label}" adalah predikat lulus, tetapi mulai {from} akan diberikan kepada nilai yang tidak lulus (batas lulus {passMark})',
    en: '"{label}" is a passing predikat, but from {from} it would be given to scores that fail (pass mark {passMark})',
  },

  // ---- participant files (roster import): the file as a whole ----
  'roster.tooManyRows': {
    id: 'Berkas berisi lebih dari {max} baris peserta; paling banyak {max} sekaligus',
    en: 'The file has more than {max} participant rows; at most {max} are allowed at once',
  },
  'roster.rowCount': {
    id: 'Berkas berisi {count} baris peserta; paling banyak {max} sekaligus',
    en: 'The file has {count} participant rows; at most {max} are allowed at once',
  },
  'roster.xlsxNotCsv': {
    id: 'Ini berkas Excel (XLSX), bukan CSV: unggah sebagai .xlsx',
    en: 'This is an Excel (XLSX) file, not CSV: upload it as .xlsx',
  },
  'roster.binary': {
    id: 'Ini bukan berkas CSV: berisi data biner',
    en: 'This is not a CSV file: it contains binary data',
  },
  'roster.csvUnreadable': {
    id: 'Berkas CSV tidak dapat dibaca: {error}',
    en: 'The CSV file could not be read: {error}',
  },
  'roster.workbookTooLarge': {
    id: 'Buku kerja akan terurai menjadi lebih dari {mb} MB atau {parts} bagian',
    en: 'The workbook would unpack to more than {mb} MB or {parts} parts',
  },
  'roster.notXlsx': {
    id: 'Berkas tidak dapat dibaca sebagai buku kerja Excel (XLSX)',
    en: 'The file could not be read as an Excel (XLSX) workbook',
  },
  'roster.noWorksheet': { id: 'Buku kerja tidak memiliki lembar kerja', en: 'The workbook has no worksheet' },
  'roster.noHeader': {
    id: 'Baris pertama bukan judul kolom: harus menamai kolom, setidaknya NIP dan Nama (ditemukan {found})',
    en: 'The first row is not a header: it must name the columns, at least NIP and Nama (found {found})',
  },
  'roster.missingColumn': {
    id: 'Kolom wajib {column} tidak ada (judul yang diterima: {accepted})',
    en: 'Missing required column {column} (accepted headers: {accepted})',
  },
  'roster.empty': { id: 'Berkas kosong', en: 'The file is empty' },
  'roster.noRows': {
    id: 'Berkas memiliki baris judul tetapi tanpa peserta',
    en: 'The file has a header row but no participants',
  },

  // ---- participant files: one row ----
  'roster.nipMangled': {
    id: 'NIP {nip} diubah menjadi angka oleh aplikasi lembar kerja; format kolomnya sebagai teks',
    en: 'NIP {nip} was turned into a number by the spreadsheet; format the column as text',
  },
  'roster.birthDateInvalid': {
    id: 'Tanggal lahir "{value}" bukan tanggal (tulis sebagai HH-BB-TTTT)',
    en: 'Tanggal lahir "{value}" is not a date (write it as DD-MM-YYYY)',
  },
  'roster.nameMissing': { id: 'Nama belum diisi', en: 'Nama (name) is missing' },
  'roster.emailInvalid': {
    id: 'Email "{email}" bukan alamat email yang valid',
    en: 'Email "{email}" is not a valid email address',
  },
  'roster.nipDuplicate': { id: 'NIP {nip} juga ada di baris {line}', en: 'NIP {nip} also on line {line}' },
  'roster.emailDuplicate': { id: 'Email {email} juga ada di baris {line}', en: 'Email {email} also on line {line}' },
  'roster.nipMissing': { id: 'NIP belum diisi', en: 'NIP is missing' },
  'roster.nipAndEmailMissing': {
    id: 'NIP belum diisi, begitu pula email yang mengenali peserta tanpa NIP',
    en: 'NIP is missing, and so is the email that identifies a participant without a NIP',
  },
  'roster.nul': { id: '{field} berisi karakter NUL', en: '{field} contains the NUL character' },
  'roster.fieldInvalid': { id: '{field} tidak valid', en: '{field} is not valid' },
  'roster.fieldTooLong': {
    id: '{field} tidak valid (paling banyak {max} karakter)',
    en: '{field} is not valid (at most {max} characters)',
  },
  'roster.cohortFull': {
    id: 'Angkatan sudah penuh (kapasitas {capacity})',
    en: 'The cohort is full (capacity {capacity})',
  },
  'roster.takenMeanwhile': {
    id: '{who} atau emailnya baru saja dipakai orang lain; impor lagi',
    en: '{who} or its email was taken meanwhile; import again',
  },
  'roster.emailOfAsn': {
    id: 'Email {email} milik ASN ber-NIP; daftarkan dengan NIP-nya',
    en: 'Email {email} belongs to an ASN with a NIP; enroll them by their NIP',
  },
  'roster.platformAdmin': { id: '{who} milik administrator platform', en: '{who} belongs to a platform administrator' },
  'roster.emailTaken': { id: 'Email {email} dipakai orang lain', en: 'Email {email} is used by another person' },
  'roster.field.name': { id: 'Nama', en: 'Nama (name)' },
  'roster.field.email': { id: 'Email', en: 'Email' },
  'roster.field.position': { id: 'Jabatan', en: 'Jabatan (position)' },
  'roster.field.unit': { id: 'Unit kerja', en: 'Unit kerja (unit)' },
  'roster.field.category': { id: 'Kategori', en: 'Kategori (category)' },
  'roster.field.rank': { id: 'Pangkat/golongan', en: 'Pangkat/golongan (rank)' },
  'roster.field.birthPlace': { id: 'Tempat lahir', en: 'Tempat lahir (birth place)' },
  'roster.field.birthDate': { id: 'Tanggal lahir', en: 'Tanggal lahir (birth date)' },
  'roster.field.instansi': { id: 'Instansi', en: 'Instansi (agency)' },

  // ---- NIP checks: {named} is empty, or a space and the number ----
  'nip.digits': { id: 'NIP{named} harus tepat 18 angka', en: 'NIP{named} must be exactly 18 digits' },
  'nip.birthDate': {
    id: 'Delapan angka pertama NIP{named} bukan tanggal lahir yang nyata (TTTTBBHH)',
    en: 'The first eight digits of the NIP{named} are not a real birth date (YYYYMMDD)',
  },
  'nip.pppkYear': {
    id: 'Angka ke-9 sampai ke-12 nomor PPPK{named} bukan tahun pengangkatan yang nyata (TTTT)',
    en: 'Digits 9–12 of the PPPK number{named} are not a real appointment year (YYYY)',
  },
  'nip.pppkFrequency': {
    id: 'Angka ke-14 nomor PPPK{named} (frekuensi pengangkatan) harus 1–9',
    en: 'Digit 14 of the PPPK number{named} (the appointment frequency) must be 1–9',
  },
  'nip.appointment': {
    id: 'Angka ke-9 sampai ke-14 NIP{named} bukan bulan pengangkatan yang nyata (TTTTBB), dan angka ke-13 bukan kode PPPK 2',
    en: 'Digits 9–14 of the NIP{named} are not a real appointment month (YYYYMM), and digit 13 is not the PPPK code 2',
  },
  'nip.sex': {
    id: 'Angka ke-15 NIP{named} (jenis kelamin) harus 1 atau 2',
    en: 'Digit 15 of the NIP{named} (sex) must be 1 or 2',
  },
  'nip.birthDateMismatch': {
    id: 'NIP{named} memuat tanggal lahir {encoded}, bukan {given}',
    en: 'The NIP{named} encodes birth date {encoded}, not {given}',
  },

  // ---- statuses and reasons ----
  'enrollmentStatus.active': { id: 'Aktif', en: 'Active' },
  'enrollmentStatus.remedial': { id: 'Remedial', en: 'Remedial' },
  'enrollmentStatus.passed': { id: 'Lulus', en: 'Passed' },
  'enrollmentStatus.failed': { id: 'Tidak Lulus', en: 'Failed' },
  'enrollmentStatus.withdrawn': { id: 'Mengundurkan Diri', en: 'Withdrawn' },
  'cohortStatus.draft': { id: 'draf', en: 'draft' },
  'cohortStatus.scheduled': { id: 'terjadwal', en: 'scheduled' },
  'cohortStatus.running': { id: 'berjalan', en: 'running' },
  'cohortStatus.completed': { id: 'selesai', en: 'completed' },
  'cohortStatus.cancelled': { id: 'dibatalkan', en: 'cancelled' },
  'failReason.SCORE_MISSING': { id: 'Nilai belum lengkap', en: 'A score is missing' },
  'failReason.SCORE_BELOW_PASS_MARK': { id: 'Nilai akhir di bawah batas lulus', en: 'Final score below the pass mark' },
  'failReason.ABSENCE_OVER_LIMIT': { id: 'Ketidakhadiran melebihi batas', en: 'Absence over the limit' },
  'failReason.ONLINE_JP_SHORT': {
    id: 'JP daring kurang dari yang diwajibkan',
    en: 'Online JP short of the requirement',
  },

  // ---- why a learning event earned nothing (POST /v1/me/progress) ----
  'event.NOT_ENROLLED': { id: 'Pendaftaran sudah mundur atau selesai', en: 'The enrollment is withdrawn or finished' },
  'event.LESSON_NOT_IN_COURSE': {
    id: 'Materi ini bukan bagian dari pelatihan yang diikuti',
    en: 'The lesson is not part of the course this enrollment follows',
  },
  'event.IMPLAUSIBLE': { id: 'occurredAt ada di masa depan', en: 'occurredAt is in the future' },
  'event.BEFORE_ENROLLMENT': {
    id: 'occurredAt lebih awal daripada pendaftaran atau aktivasi akun',
    en: 'occurredAt is before the enrollment existed or the account was activated',
  },
  'event.TOO_OLD': {
    id: 'occurredAt lebih dari {days} hari yang lalu: disimpan, tetapi tidak lagi dihitung',
    en: 'occurredAt is more than {days} days ago: kept, but no longer credited',
  },
  'event.PHASE_CLOSED': {
    id: 'Tahap daring sudah ditutup; kemajuannya dibekukan',
    en: 'The online phase is closed; its progress is frozen',
  },
  'event.PHASE_NOT_OPEN': {
    id: 'Tidak ada tahap daring yang terbuka untuk belajar pada occurredAt',
    en: 'No online phase was open for learning at occurredAt',
  },
  'event.MANUAL_COMPLETION_NOT_ALLOWED': {
    id: 'Materi ini selesai menurut waktu belajar, bukan ditandai manual',
    en: 'This lesson completes by time spent, not by hand',
  },

  // ---- why a course package cannot be published ----
  'course.videoNeedsUrl': { id: 'Materi video memerlukan URL media', en: 'A video lesson needs a media URL' },
  'course.needsBody': { id: 'Materi {kind} memerlukan isi', en: 'A {kind} lesson needs a body' },
  'course.quizByPassing': { id: 'Kuis selesai dengan lulus kuis', en: 'A quiz is completed by passing it' },
  'course.submissionOnlyAssignment': {
    id: 'Hanya materi penugasan yang menerima kiriman',
    en: 'Only assignment lessons take submissions',
  },
  'course.submissionCompletes': {
    id: 'Materi yang menerima kiriman selesai lewat kiriman, bukan ditandai manual',
    en: 'A lesson that takes submissions completes by them, not by hand',
  },
  'course.quizOnlyQuiz': {
    id: 'Hanya materi kuis yang punya pengaturan kuis',
    en: 'Only quiz lessons have quiz settings',
  },
  'course.quizNeedsSettings': {
    id: 'Materi kuis memerlukan pengaturan kuis dan soal',
    en: 'A quiz lesson needs quiz settings and questions',
  },
  'course.quizNeedsQuestion': {
    id: 'Kuis memerlukan paling sedikit satu soal',
    en: 'A quiz needs at least one question',
  },
  'course.twoOptions': {
    id: 'Soal memerlukan paling sedikit dua pilihan',
    en: 'A question needs at least two options',
  },
  'course.uniqueKeys': { id: 'Kunci pilihan harus berbeda satu sama lain', en: 'Option keys must be unique' },
  'course.notAnOption': { id: 'Bukan salah satu pilihan: {keys}', en: 'Not among the options: {keys}' },
  'course.correctTwice': { id: 'Kunci jawaban benar tercantum dua kali', en: 'A correct key is listed twice' },
  'course.singleOne': {
    id: 'Soal pilihan tunggal memiliki tepat satu jawaban benar',
    en: 'A single-choice question has exactly one correct option',
  },
  'course.multipleOne': {
    id: 'Soal pilihan ganda kompleks memerlukan paling sedikit satu jawaban benar',
    en: 'A multiple-choice question needs at least one correct option',
  },
  'course.noPoints': {
    id: 'Nilai lulus tidak dapat dicapai: soal-soalnya tidak berbobot',
    en: 'The pass score cannot be reached: the questions carry no points',
  },
  'course.needsModule': {
    id: 'Pelatihan memerlukan paling sedikit satu modul',
    en: 'A course needs at least one module',
  },
  'course.moduleCodeUsed': {
    id: 'Kode modul {code} juga dipakai oleh {other}',
    en: 'Module code {code} is also used by {other}',
  },
  'course.moduleNeedsLesson': {
    id: 'Modul memerlukan paling sedikit satu materi',
    en: 'A module needs at least one lesson',
  },
  'course.moduleJp': { id: 'JP modul harus lebih dari 0', en: 'A module carries more than 0 JP' },
  'course.lessonCodeUsed': {
    id: 'Kode materi {code} juga dipakai oleh {other}',
    en: 'Lesson code {code} is also used by {other}',
  },
  'course.jpDisagrees': {
    id: '{jp} JP tidak sesuai dengan {minutes} menit materinya ({fromTime} JP dengan {minutesPerJp} menit per JP; toleransi {tolerance} %). Sesuaikan waktunya, atau pasang jpFixed bila JP itu keputusan kurikulum',
    en: "{jp} JP does not agree with the lessons' {minutes} minutes ({fromTime} JP at {minutesPerJp} minutes per JP; tolerance {tolerance} %). Adjust the times, or set jpFixed if the JP is a curriculum decision",
  },

  // ---- the annual JP report (CSV, XLSX) ----
  'annualJp.sheet.staff': { id: 'Pegawai', en: 'Staff' },
  'annualJp.sheet.units': { id: 'Rekap Unit', en: 'Units' },
  'annualJp.col.kind': { id: 'Jenis ASN', en: 'ASN type' },
  'annualJp.col.jp': { id: 'JP Tahun Ini', en: 'JP this year' },
  'annualJp.col.externalJp': { id: 'JP Pelatihan Eksternal', en: 'JP of external trainings' },
  'annualJp.col.target': { id: 'Target JP', en: 'JP target' },
  'annualJp.col.shortfall': { id: 'Kekurangan JP', en: 'JP short' },
  'annualJp.col.note': { id: 'Keterangan', en: 'Remark' },
  'annualJp.col.staff': { id: 'Jumlah Pegawai', en: 'Staff' },
  'annualJp.col.met': { id: 'Memenuhi Target', en: 'Met the target' },
  'annualJp.col.below': { id: 'Di Bawah Target', en: 'Below the target' },
  'annualJp.col.totalJp': { id: 'Total JP', en: 'Total JP' },
  'annualJp.col.averageJp': { id: 'Rata-rata JP', en: 'Average JP' },
  'annualJp.nonAsn': { id: 'Non-ASN', en: 'Non-ASN' },
  'annualJp.noUnit': { id: '(tanpa unit)', en: '(no unit)' },
  'annualJp.below': { id: 'Di bawah target', en: 'Below the target' },
  'annualJp.met': { id: 'Memenuhi target', en: 'Met the target' },

  // ---- the recap (CSV, XLSX) ----
  'report.col.nip': { id: 'NIP', en: 'NIP' },
  'report.col.name': { id: 'Nama', en: 'Name' },
  'report.col.position': { id: 'Jabatan', en: 'Position' },
  'report.col.rank': { id: 'Pangkat/Golongan', en: 'Rank' },
  'report.col.category': { id: 'Kategori', en: 'Category' },
  'report.col.unit': { id: 'Unit Kerja', en: 'Unit' },
  'report.col.onlineJp': { id: 'JP Daring', en: 'Online JP' },
  'report.col.classroomJp': { id: 'JP Klasikal', en: 'Classroom JP' },
  'report.col.fieldJp': { id: 'JP Lapangan', en: 'Field JP' },
  'report.col.present': { id: 'Hadir', en: 'Present' },
  'report.col.late': { id: 'Terlambat', en: 'Late' },
  'report.col.excused': { id: 'Izin', en: 'Excused' },
  'report.col.absent': { id: 'Tidak Hadir', en: 'Absent' },
  'report.col.absentJp': { id: 'JP Tidak Hadir', en: 'Absent JP' },
  'report.col.score': { id: 'Nilai {name} ({weight}%)', en: 'Score {name} ({weight}%)' },
  'report.col.finalScore': { id: 'Nilai Akhir', en: 'Final Score' },
  'report.col.predikat': { id: 'Predikat', en: 'Predikat' },
  'report.col.status': { id: 'Status', en: 'Status' },
  'report.col.reasons': { id: 'Alasan Tidak Lulus', en: 'Reasons for Failing' },
  'report.col.certificate': { id: 'Nomor Sertifikat', en: 'Certificate Number' },
  'report.title': { id: 'Rekapitulasi Hasil Pelatihan', en: 'Training Results Recap' },
  'report.organizer': { id: 'Penyelenggara', en: 'Organizer' },
  'report.program': { id: 'Pelatihan', en: 'Program' },
  'report.cohort': { id: 'Angkatan', en: 'Cohort' },
  'report.dates': { id: 'Tanggal', en: 'Dates' },
  'report.jp': { id: 'Jumlah JP', en: 'Total JP' },
  'report.generatedAt': { id: 'Dibuat pada', en: 'Generated at' },
  'report.sheet.participants': { id: 'Peserta', en: 'Participants' },
  'report.sheet.summary': { id: 'Ringkasan', en: 'Summary' },
  'report.summary.group': { id: 'Kelompok', en: 'Group' },
  'report.summary.value': { id: 'Nilai', en: 'Value' },
  'report.summary.count': { id: 'Jumlah', en: 'Count' },
  'report.summary.participants': { id: 'Peserta', en: 'Participants' },
  'report.summary.all': { id: 'semua', en: 'all' },
  'report.summary.status': { id: 'Status', en: 'Status' },
  'report.summary.category': { id: 'Kategori', en: 'Category' },
  'report.summary.predikat': { id: 'Predikat', en: 'Predikat' },
  'report.summary.certificates': { id: 'Sertifikat', en: 'Certificates' },
  'report.summary.issued': { id: 'diterbitkan', en: 'issued' },
  'report.noCategory': { id: '(tanpa kategori)', en: '(no category)' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;
