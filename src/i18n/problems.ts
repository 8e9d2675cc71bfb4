import type { ErrorCode } from '../http/error-codes.js';
import type { Lang } from './lang.js';

/** A problem's title and detail in one language; `{name}` in a detail is filled from the error's params. */
export interface ProblemText {
  title: string;
  detail: string;
}

/**
 * The title and detail of every error code, in every language. Typed by `ERROR_CODES` and `Lang`:
 * a code or a language left out does not compile, and test/unit/i18n.test.ts checks the same at
 * run time (and that both languages use the same `{params}`).
 */
export const PROBLEMS: Record<ErrorCode, Record<Lang, ProblemText>> = {
  ACCOUNT_DISABLED: {
    id: { title: 'Akun dinonaktifkan', detail: 'Akun ini dinonaktifkan' },
    en: { title: 'Account disabled', detail: 'This account is disabled' },
  },
  ACTIVATION_INVALID: {
    id: {
      title: 'Kode aktivasi tidak berlaku',
      detail: 'NIP atau email dan kode aktivasi tidak cocok, atau kode sudah kedaluwarsa atau sudah dipakai',
    },
    en: {
      title: 'Activation code not valid',
      detail: 'The NIP or email and activation code do not match, or the code has expired or was used',
    },
  },
  ALREADY_ENROLLED: {
    id: { title: 'Sudah terdaftar', detail: 'Peserta sudah terdaftar di angkatan ini' },
    en: { title: 'Already enrolled', detail: 'The participant is already enrolled in this cohort' },
  },
  ALREADY_MEMBER: {
    id: { title: 'Sudah menjadi anggota', detail: 'Orang ini sudah menjadi {role} di sini' },
    en: { title: 'Already a member', detail: 'This person is already {role} here' },
  },
  ALREADY_WITHDRAWN: {
    id: { title: 'Sudah mengundurkan diri', detail: 'Pendaftaran ini sudah dinyatakan mengundurkan diri' },
    en: { title: 'Already withdrawn', detail: 'The enrollment is already withdrawn' },
  },
  ASSESSMENT_SCHEME_NOT_SET: {
    id: {
      title: 'Skema penilaian belum ada',
      detail: 'Angkatan ini belum memiliki skema penilaian: PUT /v1/cohorts/{id}/assessment-scheme lebih dulu',
    },
    en: {
      title: 'No assessment scheme',
      detail: 'This cohort has no assessment scheme yet: PUT /v1/cohorts/{id}/assessment-scheme first',
    },
  },
  ATTEMPT_CONFLICT: {
    id: { title: 'Percobaan bersamaan', detail: 'Percobaan lain dikirim pada saat yang sama' },
    en: { title: 'Simultaneous attempt', detail: 'Another attempt was submitted at the same moment' },
  },
  ATTEMPT_LIMIT_REACHED: {
    id: { title: 'Batas percobaan tercapai', detail: 'Semua {limit} percobaan sudah dipakai' },
    en: { title: 'Attempt limit reached', detail: 'All {limit} attempts are used' },
  },
  ATTENDANCE_CLOSED: {
    id: {
      title: 'Presensi ditutup',
      detail: 'Presensi fase ini ditutup pada {closedAt} ({days} hari setelah fase berakhir)',
    },
    en: {
      title: 'Attendance closed',
      detail: 'Attendance for this phase closed on {closedAt} ({days} day(s) after the phase)',
    },
  },
  ATTENDANCE_INVALID: {
    id: { title: 'Presensi tidak valid', detail: 'Tidak ada presensi yang dicatat: {count} baris tidak valid' },
    en: { title: 'Attendance not valid', detail: 'No attendance was recorded: {count} line(s) are not valid' },
  },
  BAD_CONTENT_LENGTH: {
    id: { title: 'Content-Length tidak valid', detail: 'Header Content-Length tidak sesuai dengan isi permintaan' },
    en: { title: 'Bad Content-Length', detail: 'The Content-Length header does not match the body' },
  },
  BAD_REQUEST: {
    id: { title: 'Permintaan tidak valid', detail: 'Permintaan tidak dapat diproses' },
    en: { title: 'Bad request', detail: 'The request cannot be processed' },
  },
  BAD_URL: {
    id: { title: 'URL tidak valid', detail: 'Penyandian URL tidak valid' },
    en: { title: 'Bad URL', detail: 'The URL is not validly encoded' },
  },
  CANNOT_DISABLE_SELF: {
    id: { title: 'Tidak dapat menonaktifkan diri sendiri', detail: 'Anda tidak dapat menonaktifkan akun Anda sendiri' },
    en: { title: 'Cannot disable yourself', detail: 'You cannot disable your own account' },
  },
  CAPACITY_BELOW_ENROLLED: {
    id: {
      title: 'Kapasitas di bawah jumlah peserta',
      detail: '{enrolled} peserta sudah terdaftar; kapasitas tidak boleh lebih kecil',
    },
    en: {
      title: 'Capacity below enrollment',
      detail: '{enrolled} participants are enrolled; the capacity cannot be lower',
    },
  },
  CERTIFICATE_ALREADY_REISSUED: {
    id: { title: 'Sertifikat sudah diterbitkan ulang', detail: 'Sertifikat ini sudah diterbitkan ulang' },
    en: { title: 'Certificate already reissued', detail: 'This certificate has already been reissued' },
  },
  CERTIFICATE_NOT_FOUND: {
    id: { title: 'Sertifikat tidak ditemukan', detail: 'Sertifikat tidak ditemukan' },
    en: { title: 'Certificate not found', detail: 'Certificate not found' },
  },
  CERTIFICATE_NOT_REVOKED: {
    id: {
      title: 'Sertifikat belum dicabut',
      detail: 'Hanya sertifikat yang sudah dicabut yang dapat diterbitkan ulang: cabut lebih dulu',
    },
    en: { title: 'Certificate not revoked', detail: 'Only a revoked certificate can be reissued: revoke it first' },
  },
  CERTIFICATE_REVOKED: {
    id: { title: 'Sertifikat sudah dicabut', detail: 'Sertifikat ini sudah dicabut' },
    en: { title: 'Certificate revoked', detail: 'This certificate is already revoked' },
  },
  CERTIFICATE_VALID_EXISTS: {
    id: { title: 'Sertifikat berlaku sudah ada', detail: 'Pendaftaran ini sudah memiliki sertifikat yang berlaku' },
    en: { title: 'Valid certificate exists', detail: 'This enrollment already has a valid certificate' },
  },
  COHORT_CLOSED: {
    id: { title: 'Angkatan ditutup', detail: 'Angkatan ini {status}: tidak ada yang dapat didaftarkan lagi' },
    en: { title: 'Cohort closed', detail: 'The cohort is {status}: nobody can enroll any more' },
  },
  COHORT_CODE_TAKEN: {
    id: { title: 'Kode angkatan sudah dipakai', detail: 'Organisasi ini sudah memiliki angkatan dengan kode ini' },
    en: { title: 'Cohort code taken', detail: 'The organization already has a cohort with this code' },
  },
  COHORT_FULL: {
    id: { title: 'Angkatan penuh', detail: 'Angkatan sudah penuh (kapasitas {capacity})' },
    en: { title: 'Cohort full', detail: 'The cohort is full (capacity {capacity})' },
  },
  COHORT_HAS_NO_PHASES: {
    id: { title: 'Angkatan tanpa fase', detail: 'Angkatan ini tidak memiliki fase untuk dijadwalkan' },
    en: { title: 'Cohort has no phases', detail: 'The cohort has no phases to schedule' },
  },
  COHORT_NOT_DRAFT: {
    id: { title: 'Angkatan bukan draf', detail: 'Angkatan ini berstatus {status}, bukan draf' },
    en: { title: 'Cohort not a draft', detail: 'The cohort is {status}, not a draft' },
  },
  COHORT_NOT_PAST: {
    id: {
      title: 'Program belum berakhir',
      detail:
        '"{phase}" berakhir {endDate}: hanya program yang sudah berakhir yang dapat dicatat sebagai program lampau',
    },
    en: {
      title: 'Program not over',
      detail: '"{phase}" ends {endDate}: only a program that has ended can be recorded as past',
    },
  },
  COHORT_NOT_SCHEDULED: {
    id: {
      title: 'Angkatan belum dijadwalkan',
      detail: 'Angkatan ini tidak dijadwalkan: jam fase tidak berlaku untuknya',
    },
    en: { title: 'Cohort not scheduled', detail: 'The cohort is not scheduled: the phase clock does not act on it' },
  },
  COMPONENT_NOT_FOUND: {
    id: { title: 'Komponen tidak ditemukan', detail: 'Komponen "{component}" tidak ditemukan' },
    en: { title: 'Component not found', detail: 'Component "{component}" not found' },
  },
  COMPONENT_NOT_MANUAL: {
    id: {
      title: 'Komponen dihitung otomatis',
      detail: '"{component}" dihitung dari post-test daring; tidak dapat dinilai manual',
    },
    en: {
      title: 'Component is computed',
      detail: '"{component}" is computed from the online post-tests; it cannot be scored by hand',
    },
  },
  CONFLICT: {
    id: { title: 'Konflik', detail: 'Permintaan bertentangan dengan keadaan data saat ini' },
    en: { title: 'Conflict', detail: 'The request conflicts with the current state' },
  },
  COURSE_CODE_TAKEN: {
    id: { title: 'Kode pelatihan sudah dipakai', detail: 'Organisasi ini sudah memiliki pelatihan dengan kode ini' },
    en: { title: 'Course code taken', detail: 'The organization already has a course with this code' },
  },
  COURSE_INVALID: {
    id: { title: 'Pelatihan tidak valid', detail: 'Draf tidak dapat diterbitkan: {count} masalah' },
    en: { title: 'Course not valid', detail: 'The draft cannot be published: {count} problem(s)' },
  },
  COURSE_NOT_PUBLISHED: {
    id: { title: 'Pelatihan belum diterbitkan', detail: 'Pelatihan ini belum memiliki versi yang diterbitkan' },
    en: { title: 'Course not published', detail: 'The course has no published version yet' },
  },
  COURSE_PUBLISHED: {
    id: {
      title: 'Pelatihan sudah diterbitkan',
      detail: 'Pelatihan dengan versi terbit tetap disimpan; mungkin dipakai oleh angkatan',
    },
    en: { title: 'Course published', detail: 'A course with a published version is kept; it may be pinned by cohorts' },
  },
  COURSE_VERSION_MISMATCH: {
    id: {
      title: 'Versi pelatihan berbeda',
      detail: 'Angkatan tujuan mengikuti versi pelatihan lain; kemajuan yang diperoleh tidak terbawa',
    },
    en: {
      title: 'Course version mismatch',
      detail: 'The target cohort follows another course version; earned progress would not carry over',
    },
  },
  DATABASE_UNAVAILABLE: {
    id: {
      title: 'Basis data tidak tersedia',
      detail: 'Basis data tidak dapat dihubungi saat ini; coba lagi sebentar lagi',
    },
    en: { title: 'Database unavailable', detail: 'The database is not reachable right now; retry shortly' },
  },
  DATE_OUTSIDE_PROGRAM: {
    id: { title: 'Tanggal di luar program', detail: 'Tanggal harus berada dalam rentang tanggal program ({span})' },
    en: { title: 'Date outside the program', detail: "The date must lie within the program's dates ({span})" },
  },
  DRAFT_EXISTS: {
    id: { title: 'Draf sudah ada', detail: 'Pelatihan ini sudah memiliki draf' },
    en: { title: 'Draft exists', detail: 'The course already has a draft' },
  },
  EMAIL_TAKEN: {
    id: { title: 'Email sudah dipakai', detail: 'Orang lain sudah memakai email ini' },
    en: { title: 'Email taken', detail: 'Another person already has this email' },
  },
  ENROLLMENT_NOT_PASSED: {
    id: { title: 'Peserta belum lulus', detail: 'Hasil akhir terbaru tidak menyatakan peserta ini lulus' },
    en: { title: 'Not passed', detail: 'The newest final results do not show this participant as passed' },
  },
  ENROLLMENT_REFUSED: {
    id: { title: 'Pendaftaran ditolak', detail: 'Peserta tidak dapat didaftarkan: {reason}' },
    en: { title: 'Enrollment refused', detail: 'The participant cannot be enrolled: {reason}' },
  },
  ENROLLMENT_WITHDRAWN: {
    id: { title: 'Peserta mengundurkan diri', detail: 'Pendaftaran ini sudah dinyatakan mengundurkan diri' },
    en: { title: 'Enrollment withdrawn', detail: 'This enrollment was withdrawn' },
  },
  FILE_REQUIRED: {
    id: { title: 'Berkas wajib', detail: 'Tidak ada berkas dalam permintaan' },
    en: { title: 'File required', detail: 'No file in the request' },
  },
  FORBIDDEN: {
    id: { title: 'Tidak diizinkan', detail: 'Peran Anda tidak mengizinkan tindakan ini' },
    en: { title: 'Forbidden', detail: 'Your role does not allow this' },
  },
  HEADERS_TOO_LARGE: {
    id: { title: 'Header terlalu besar', detail: 'Baris permintaan atau header lebih besar dari yang diizinkan' },
    en: { title: 'Headers too large', detail: 'The request line or headers are larger than allowed' },
  },
  INTERNAL: {
    id: { title: 'Kesalahan server', detail: 'Terjadi kesalahan tak terduga; sudah dicatat' },
    en: { title: 'Internal Server Error', detail: 'An unexpected error occurred; it has been logged' },
  },
  INVALID_ANSWERS: {
    id: { title: 'Jawaban tidak valid', detail: 'Jawaban tidak sesuai dengan kuis' },
    en: { title: 'Answers not valid', detail: 'The answers do not fit the quiz' },
  },
  INVALID_CREDENTIALS: {
    id: { title: 'Login gagal', detail: 'NIP atau email dan kata sandi tidak cocok' },
    en: { title: 'Invalid credentials', detail: 'The NIP or email and password do not match' },
  },
  INVALID_CURSOR: {
    id: { title: 'Kursor tidak valid', detail: 'Kursor tidak valid' },
    en: { title: 'Invalid cursor', detail: 'The cursor is not valid' },
  },
  INVALID_NIP: {
    id: { title: 'NIP tidak valid', detail: 'NIP tidak valid' },
    en: { title: 'Invalid NIP', detail: 'The NIP is not valid' },
  },
  INVALID_PARTICIPANT: {
    id: { title: 'Data peserta tidak valid', detail: '{reason}' },
    en: { title: 'Participant not valid', detail: '{reason}' },
  },
  ISSUER_NOT_FOUND: {
    id: { title: 'Penerbit tidak ditemukan', detail: 'Penerbit tidak ditemukan' },
    en: { title: 'Issuer not found', detail: 'Issuer not found' },
  },
  LESSON_CODE_TAKEN: {
    id: { title: 'Kode materi sudah dipakai', detail: 'Materi lain pada versi ini sudah memakai kode ini' },
    en: { title: 'Lesson code taken', detail: 'Another lesson of this version has this code' },
  },
  LOGIN_THROTTLED: {
    id: {
      title: 'Login diblokir sementara',
      detail: 'Terlalu banyak percobaan gagal untuk login ini dari alamat ini; coba lagi nanti',
    },
    en: {
      title: 'Login throttled',
      detail: 'Too many failed attempts for this login from this address; retry later',
    },
  },
  LOGO_NOT_FOUND: {
    id: { title: 'Logo tidak ditemukan', detail: 'Logo tidak ditemukan' },
    en: { title: 'Logo not found', detail: 'Logo not found' },
  },
  LOGO_TOO_LARGE: {
    id: { title: 'Logo terlalu besar', detail: 'Logo paling besar {maxKib} KiB' },
    en: { title: 'Logo too large', detail: 'A logo may have at most {maxKib} KiB' },
  },
  LOGO_UNSUPPORTED: {
    id: {
      title: 'Logo tidak didukung',
      detail: 'Logo harus berupa PNG, JPEG, atau SVG tanpa skrip atau rujukan eksternal',
    },
    en: {
      title: 'Logo not supported',
      detail: 'The logo must be a PNG, a JPEG or an SVG without scripts or external references',
    },
  },
  MALFORMED_JSON: {
    id: { title: 'JSON rusak', detail: 'Isi permintaan bukan JSON yang valid' },
    en: { title: 'Malformed JSON', detail: 'The body is not valid JSON' },
  },
  MALFORMED_MULTIPART: {
    id: { title: 'Formulir rusak', detail: 'Isi multipart/form-data rusak' },
    en: { title: 'Malformed form', detail: 'The multipart/form-data body is malformed' },
  },
  MALFORMED_REQUEST: {
    id: { title: 'Permintaan HTTP rusak', detail: 'Permintaan ini bukan HTTP yang valid' },
    en: { title: 'Malformed request', detail: 'The request is not valid HTTP' },
  },
  METHOD_NOT_ALLOWED: {
    id: { title: 'Metode tidak diizinkan', detail: 'Metode HTTP ini tidak diizinkan untuk alamat ini' },
    en: { title: 'Method Not Allowed', detail: 'This HTTP method is not allowed here' },
  },
  MODULE_CODE_TAKEN: {
    id: { title: 'Kode modul sudah dipakai', detail: 'Modul lain pada versi ini sudah memakai kode ini' },
    en: { title: 'Module code taken', detail: 'Another module of this version has this code' },
  },
  NIP_TAKEN: {
    id: { title: 'NIP sudah dipakai', detail: 'Pengguna lain sudah memakai NIP ini' },
    en: { title: 'NIP taken', detail: 'Another user already has this NIP' },
  },
  NOT_ACCEPTABLE: {
    id: { title: 'Tidak dapat diterima', detail: 'Tidak ada bentuk jawaban yang sesuai dengan header Accept' },
    en: { title: 'Not Acceptable', detail: 'No form of the answer matches the Accept header' },
  },
  NOT_AN_ONLINE_PHASE: {
    id: { title: 'Bukan fase daring', detail: 'Hanya fase daring yang dapat diperpanjang untuk satu peserta' },
    en: { title: 'Not an online phase', detail: 'Only an online phase can be extended for one participant' },
  },
  NOT_A_MEMBER: {
    id: { title: 'Bukan anggota', detail: 'Anda bukan anggota organisasi tersebut' },
    en: { title: 'Not a member', detail: 'You are not a member of that organization' },
  },
  NOT_A_PARTICIPANT: {
    id: { title: 'Bukan peserta', detail: 'Hanya orang ber-NIP yang dapat didaftarkan' },
    en: { title: 'Not a participant', detail: 'Only people with a NIP can be enrolled' },
  },
  NOT_A_QUIZ: {
    id: { title: 'Bukan kuis', detail: 'Materi ini bukan kuis' },
    en: { title: 'Not a quiz', detail: 'The lesson is not a quiz' },
  },
  NOT_COHORT_INSTRUCTOR: {
    id: { title: 'Bukan pengajar angkatan', detail: 'Anda tidak mengajar sesi mana pun di angkatan ini' },
    en: { title: 'Not an instructor of the cohort', detail: 'You teach no session of this cohort' },
  },
  NOT_ENROLLED: {
    id: { title: 'Pendaftaran tidak aktif', detail: 'Pendaftaran ini tidak aktif' },
    en: { title: 'Not enrolled', detail: 'The enrollment is not active' },
  },
  NOT_FOUND: {
    id: { title: 'Tidak ditemukan', detail: '{entity} tidak ditemukan' },
    en: { title: 'Not found', detail: '{entity} not found' },
  },
  NOT_HOME_ORGANIZATION: {
    id: {
      title: 'Bukan instansi asal',
      detail:
        'Hanya instansi asal orang ini yang dapat mengubah profil, login, atau statusnya; di sini Anda dapat mengubah perannya',
    },
    en: {
      title: 'Not the home organization',
      detail:
        'Only the person\u2019s home organization can change their profile, login or status; you can change their role here',
    },
  },
  NOT_SESSION_INSTRUCTOR: {
    id: { title: 'Bukan pengajar sesi', detail: 'Anda tidak mengajar sesi ini' },
    en: { title: 'Not the session instructor', detail: 'You do not teach this session' },
  },
  NO_DRAFT: {
    id: {
      title: 'Tidak ada draf',
      detail: 'Pelatihan ini tidak memiliki draf; buat versi draf baru untuk mengubahnya',
    },
    en: { title: 'No draft', detail: 'The course has no draft; create a new draft version to edit' },
  },
  ONLY_VERSION: {
    id: { title: 'Satu-satunya versi', detail: 'Satu-satunya versi pelatihan tidak dapat dibuang; hapus pelatihannya' },
    en: {
      title: 'Only version',
      detail: 'The only version of a course cannot be discarded; delete the course instead',
    },
  },
  ORGANIZATION_CODE_TAKEN: {
    id: { title: 'Kode organisasi sudah dipakai', detail: 'Organisasi lain sudah memakai kode ini' },
    en: { title: 'Organization code taken', detail: 'Another organization already has this code' },
  },
  ORGANIZATION_NOT_EMPTY: {
    id: {
      title: 'Organisasi masih berisi data',
      detail:
        'Organisasi ini masih memiliki pengguna, pelatihan, angkatan, atau data lain; pindahkan atau hapus lebih dulu',
    },
    en: {
      title: 'Organization not empty',
      detail: 'The organization still has users, courses, cohorts or other records; move or remove them first',
    },
  },
  PASSWORD_RESET_INVALID: {
    id: {
      title: 'Tautan atur ulang tidak berlaku',
      detail: 'Tautan atur ulang kata sandi tidak berlaku; mintalah yang baru',
    },
    en: { title: 'Reset link not valid', detail: 'The reset link is not valid; ask for a new one' },
  },
  PASSPHRASE_REQUIRED: {
    id: { title: 'Frasa sandi wajib', detail: 'Frasa sandi tidak ada' },
    en: { title: 'Passphrase required', detail: 'The passphrase is missing' },
  },
  PAYLOAD_TOO_LARGE: {
    id: { title: 'Terlalu besar', detail: 'Isi permintaan atau berkas lebih besar dari yang diizinkan' },
    en: { title: 'Content too large', detail: 'The request body or file is larger than allowed' },
  },
  PERSON_EXISTS: {
    id: {
      title: 'Orang sudah terdaftar',
      detail: 'Orang ini sudah memiliki akun: tambahkan tanpa kata sandi, ia tetap memakai miliknya',
    },
    en: {
      title: 'Person exists',
      detail: 'This person already has an account: add them without a password, they keep their own',
    },
  },
  PHASES_INVALID: {
    id: { title: 'Fase tidak valid', detail: 'Fase tidak valid: {count} masalah' },
    en: { title: 'Phases not valid', detail: 'The phases are not valid: {count} problem(s)' },
  },
  PHASE_ALREADY_CLOSED: {
    id: { title: 'Fase sudah ditutup', detail: 'Fase ini sudah ditutup' },
    en: { title: 'Phase already closed', detail: 'The phase is already closed' },
  },
  PHASE_ALREADY_OPEN: {
    id: { title: 'Fase sudah dibuka', detail: 'Fase ini sudah dibuka' },
    en: { title: 'Phase already open', detail: 'The phase is already open' },
  },
  PHASE_CLOSED: {
    id: { title: 'Fase ditutup', detail: 'Fase ini sudah ditutup' },
    en: { title: 'Phase closed', detail: 'The phase is closed' },
  },
  PHASE_NOT_CLOSED: {
    id: { title: 'Fase belum ditutup', detail: 'Hanya fase yang sudah ditutup yang dapat dibuka kembali' },
    en: { title: 'Phase not closed', detail: 'Only a closed phase can be reopened' },
  },
  PHASE_NOT_OPEN: {
    id: { title: 'Fase belum dibuka', detail: 'Fase "{phase}" belum dibuka' },
    en: { title: 'Phase not open', detail: 'The phase "{phase}" has not opened yet' },
  },
  PHASE_STARTED: {
    id: { title: 'Fase sudah dimulai', detail: 'Sebuah fase sudah dibuka: angkatan tidak dapat kembali menjadi draf' },
    en: { title: 'Phase started', detail: 'A phase has opened: the cohort cannot go back to draft' },
  },
  PKCS12_INVALID: {
    id: {
      title: 'Berkas PKCS#12 tidak valid',
      detail:
        'Berkas PKCS#12 tidak dapat dibuka dengan frasa sandi ini, atau tidak berisi kunci dan sertifikat penanda tangan',
    },
    en: {
      title: 'PKCS#12 file not valid',
      detail: 'The PKCS#12 file could not be opened with this passphrase, or holds no signing key and certificate',
    },
  },
  QUESTIONS_EXIST: {
    id: { title: 'Masih ada soal', detail: 'Hapus soal-soalnya sebelum mengubah materi ini menjadi selain kuis' },
    en: {
      title: 'Questions exist',
      detail: 'Delete the questions before making this lesson something other than a quiz',
    },
  },
  QUEUE_UNAVAILABLE: {
    id: { title: 'Antrean tidak tersedia', detail: 'Antrean tugas tidak menjawab; coba lagi sebentar lagi' },
    en: { title: 'Queue unavailable', detail: 'The job queue is not answering; retry shortly' },
  },
  RATE_LIMITED: {
    id: { title: 'Terlalu banyak permintaan', detail: 'Terlalu banyak permintaan; coba lagi nanti' },
    en: { title: 'Too Many Requests', detail: 'Too many requests; retry later' },
  },
  REFRESH_TOKEN_EXPIRED: {
    id: { title: 'Token penyegar kedaluwarsa', detail: 'Token penyegar sudah kedaluwarsa' },
    en: { title: 'Refresh token expired', detail: 'The refresh token has expired' },
  },
  REFRESH_TOKEN_INVALID: {
    id: { title: 'Token penyegar tidak valid', detail: 'Token penyegar tidak valid' },
    en: { title: 'Refresh token not valid', detail: 'The refresh token is not valid' },
  },
  REFRESH_TOKEN_REUSED: {
    id: {
      title: 'Token penyegar dipakai ulang',
      detail: 'Token penyegar ini sudah pernah dipakai; semua sesi dari login yang sama telah dikeluarkan',
    },
    en: {
      title: 'Refresh token reused',
      detail: 'This refresh token was already used; every session from the same login has been signed out',
    },
  },
  REFRESH_TOKEN_REVOKED: {
    id: { title: 'Token penyegar dicabut', detail: 'Token penyegar sudah dicabut' },
    en: { title: 'Refresh token revoked', detail: 'The refresh token has been revoked' },
  },
  REOPEN_DATE_INVALID: {
    id: {
      title: 'Tanggal pembukaan kembali tidak valid',
      detail: 'Tanggal akhir fase yang dibuka kembali tidak valid',
    },
    en: { title: 'Reopening date not valid', detail: 'The new end date of the reopened phase is not valid' },
  },
  REQUEST_TIMEOUT: {
    id: { title: 'Waktu permintaan habis', detail: 'Permintaan terlalu lama tiba' },
    en: { title: 'Request Timeout', detail: 'The request took too long to arrive' },
  },
  RESULTS_NOT_COMPUTED: {
    id: { title: 'Hasil belum dihitung', detail: 'Hasil belum dihitung: POST /v1/cohorts/{id}/results lebih dulu' },
    en: {
      title: 'Results not computed',
      detail: 'Results have not been computed: POST /v1/cohorts/{id}/results first',
    },
  },
  RESULTS_NOT_FINAL: {
    id: {
      title: 'Hasil belum final',
      detail:
        'Hasil terbaru (versi {version}) dihitung saat masih ada fase yang berjalan: hitung ulang setelah fase terakhir ditutup',
    },
    en: {
      title: 'Results not final',
      detail:
        'The newest results (version {version}) were computed while a phase was still to run: compute them again after the last phase has closed',
    },
  },
  ROLE_CHANGE_NOT_ALLOWED: {
    id: {
      title: 'Perubahan peran tidak diizinkan',
      detail: 'Administrator platform dan anggota organisasi tidak dapat diubah satu menjadi yang lain',
    },
    en: {
      title: 'Role change not allowed',
      detail: 'Platform administrators and organization members cannot be converted into each other',
    },
  },
  ROSTER_INVALID: {
    id: { title: 'Berkas peserta tidak valid', detail: '{reason}' },
    en: { title: 'Participant file not valid', detail: '{reason}' },
  },
  ROSTER_TOO_LARGE: {
    id: { title: 'Berkas peserta terlalu besar', detail: '{reason}' },
    en: { title: 'Participant file too large', detail: '{reason}' },
  },
  ROUTE_NOT_FOUND: {
    id: { title: 'Rute tidak ditemukan', detail: 'Tidak ada rute {method} {path}' },
    en: { title: 'Route not found', detail: 'No route {method} {path}' },
  },
  SCHEDULE_CHOICE_REQUIRED: {
    id: {
      title: 'Pilihan jadwal diperlukan',
      detail:
        '{due} dari {total} fase seharusnya sudah dibuka: kirim "missed": "apply" untuk menjalankan transisinya sekarang',
    },
    en: {
      title: 'Schedule choice required',
      detail:
        '{due} of its {total} phase(s) should already have opened: send "missed": "apply" to run those transitions now',
    },
  },
  SCHEME_INVALID: {
    id: { title: 'Skema penilaian tidak valid', detail: 'Skema penilaian tidak valid: {count} masalah' },
    en: { title: 'Scheme not valid', detail: 'The assessment scheme is not valid: {count} problem(s)' },
  },
  SCORES_INVALID: {
    id: { title: 'Nilai tidak valid', detail: 'Tidak ada nilai yang dicatat: {count} baris tidak valid' },
    en: { title: 'Scores not valid', detail: 'No score was recorded: {count} line(s) are not valid' },
  },
  SESSION_HAS_ATTENDANCE: {
    id: { title: 'Sesi sudah berpresensi', detail: 'Presensi sudah dicatat untuk sesi ini: sesi tidak dapat dihapus' },
    en: {
      title: 'Session has attendance',
      detail: 'Attendance has been recorded for this session: it cannot be deleted',
    },
  },
  SESSION_INVALID: {
    id: { title: 'Sesi tidak valid', detail: 'Sesi tidak valid: {count} masalah' },
    en: { title: 'Session not valid', detail: 'The session is not valid: {count} problem(s)' },
  },
  SESSION_NOT_STARTED: {
    id: { title: 'Sesi belum dimulai', detail: 'Sesi ini belum dimulai' },
    en: { title: 'Session not started', detail: 'The session has not started yet' },
  },
  SIGNING_GATEWAY_NOT_CONFIGURED: {
    id: {
      title: 'Gerbang tanda tangan belum diatur',
      detail: 'Server ini tidak memiliki gerbang tanda tangan elektronik (SIGNING_GATEWAY_URL)',
    },
    en: {
      title: 'Signing gateway not configured',
      detail: 'No signing gateway is configured on this server (SIGNING_GATEWAY_URL)',
    },
  },
  SUBMISSIONS_NOT_TAKEN: {
    id: { title: 'Tidak menerima kiriman', detail: 'Materi ini tidak menerima kiriman tugas' },
    en: { title: 'Submissions not taken', detail: 'This lesson takes no submissions' },
  },
  SUBMISSION_ACCEPTED: {
    id: { title: 'Tugas sudah diterima', detail: 'Tugas sudah diterima; tidak ada lagi yang perlu dikirim' },
    en: { title: 'Submission accepted', detail: 'The work was accepted; nothing more to hand in' },
  },
  SUBMISSION_ALREADY_REVIEWED: {
    id: { title: 'Kiriman sudah diperiksa', detail: 'Kiriman ini sudah diperiksa ({status})' },
    en: { title: 'Submission already reviewed', detail: 'This hand-in was already {status}' },
  },
  SUBMISSION_KIND_REFUSED: {
    id: { title: 'Jenis kiriman ditolak', detail: 'Tugas ini menerima {accepts}' },
    en: { title: 'Submission kind refused', detail: 'This assignment takes {accepts}' },
  },
  SUBMISSION_UNDER_REVIEW: {
    id: { title: 'Kiriman sedang diperiksa', detail: 'Kiriman terakhir masih menunggu pemeriksaan' },
    en: { title: 'Submission under review', detail: 'The last hand-in waits for review' },
  },
  TOKEN_EXPIRED: {
    id: { title: 'Token kedaluwarsa', detail: 'Token akses sudah kedaluwarsa' },
    en: { title: 'Token expired', detail: 'The access token has expired' },
  },
  TOKEN_INVALID: {
    id: { title: 'Token tidak valid', detail: 'Token akses tidak valid' },
    en: { title: 'Token not valid', detail: 'The access token is not valid' },
  },
  TOKEN_REVOKED: {
    id: { title: 'Token dicabut', detail: 'Token akses sudah dicabut; silakan login kembali' },
    en: { title: 'Token revoked', detail: 'The access token was revoked; log in again' },
  },
  TOO_MANY_FIELDS: {
    id: { title: 'Terlalu banyak isian', detail: 'Formulir memiliki terlalu banyak isian' },
    en: { title: 'Too many fields', detail: 'The form has too many fields' },
  },
  TOO_MANY_FILES: {
    id: { title: 'Terlalu banyak berkas', detail: 'Kirim satu berkas per permintaan' },
    en: { title: 'Too many files', detail: 'Send one file per request' },
  },
  TOO_MANY_PARTS: {
    id: { title: 'Terlalu banyak bagian', detail: 'Formulir memiliki terlalu banyak bagian' },
    en: { title: 'Too many parts', detail: 'The form has too many parts' },
  },
  UNAUTHENTICATED: {
    id: { title: 'Belum login', detail: 'Diperlukan autentikasi' },
    en: { title: 'Unauthenticated', detail: 'Authentication required' },
  },
  UNSUPPORTED_FILE_TYPE: {
    id: { title: 'Jenis berkas tidak didukung', detail: '{file} bukan CSV maupun XLSX' },
    en: { title: 'Unsupported file type', detail: '{file} is neither CSV nor XLSX' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    id: { title: 'Jenis isi tidak didukung', detail: 'Jenis isi permintaan tidak didukung' },
    en: { title: 'Unsupported Media Type', detail: 'The content type of the request is not supported' },
  },
  URI_TOO_LONG: {
    id: { title: 'URI terlalu panjang', detail: 'Parameter jalur terlalu panjang' },
    en: { title: 'URI Too Long', detail: 'A path parameter is too long' },
  },
  VALIDATION_FAILED: {
    id: { title: 'Validasi gagal', detail: 'Bagian {part} tidak valid' },
    en: { title: 'Validation failed', detail: 'The {part} is not valid' },
  },
  VERSION_PUBLISHED: {
    id: {
      title: 'Versi sudah diterbitkan',
      detail: 'Versi {version} sudah diterbitkan dan tidak dapat diubah; buat versi draf baru untuk mengubahnya',
    },
    en: {
      title: 'Version published',
      detail: 'Version {version} is published and cannot change; create a new draft version to edit',
    },
  },
  WEBHOOK_TARGET_NOT_ALLOWED: {
    id: { title: 'Tujuan webhook tidak diizinkan', detail: 'Titik akhir harus berupa alamat publik' },
    en: { title: 'Webhook target not allowed', detail: 'The endpoint must be a public address' },
  },
};
