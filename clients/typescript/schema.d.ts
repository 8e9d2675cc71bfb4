export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and the job queue answer, and the phase clock runs */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every organization's Ed25519 public key for its Open Badges credentials (JWKS) */
        get: operations["getBadgeIssuerKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with NIP or email and password
         * @description Returns a short-lived access token and a refresh token. Failed attempts (not successes) are limited per address (`RATE_LIMITED`), and repeated failures of one login from one address delay its next attempts there, growing (`LOGIN_THROTTLED`, with Retry-After); unknown logins are treated alike.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/switch-organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act in another organization you belong to
         * @description A person can have roles in several organizations (a widyaiswara teaching for two agencies, an admin who is also a participant elsewhere). A token acts in one of them; this returns a new pair for another. `NOT_A_MEMBER` when the person has no role there.
         */
        post: operations["switchOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the first password with a one-time activation code
         * @description For accounts created by an import or without a password (`pending`). Logs the participant in. Every failure answers `ACTIVATION_INVALID`.
         */
        post: operations["activateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair
         * @description Each refresh token works once. Presenting a used one again revokes every token of that login (`REFRESH_TOKEN_REUSED`), except within a few seconds of its use (two tabs refreshing at once), which gets a pair of its own.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the calling user’s own settings
         * @description locale: the language of problem titles and details, field messages, import reasons and report labels for this person (id or en); it wins over Accept-Language. null follows Accept-Language again (Indonesian when it names neither).
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organizations */
        get: operations["listOrganizations"];
        put?: never;
        /** Create an organization (instansi) */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organization (members see their own) */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        /** Delete an organization that has no users */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        /** Change name, time zone or settings */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users of your organization */
        get: operations["listUsers"];
        put?: never;
        /**
         * Add a person to your organization with a role
         * @description A person already known by the NIP or email (from any organization) is linked with the role (`linked: true`), never duplicated; their profile stays as their home organization keeps it. A new person gets your organization as home. Without a password a new account is `pending` until activated.
         */
        post: operations["addUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (participants see only themselves) */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Disable a person (home organization) or end their membership (any other)
         * @description The home organization and platform admins disable the account and end its sessions. Any other organization removes the person’s roles there; the account and its history stay.
         */
        delete: operations["disableUser"];
        options?: never;
        head?: never;
        /** Change a user */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link by mail
         * @description Always 202, after the same minimum time, whether the login is known or not: the answer reveals no account. A known, not disabled account with an email gets a mail with a single-use link `PUBLIC_URL/reset-password?token=…` that expires after `PASSWORD_RESET_TTL_MINUTES`; a newer request replaces the older link. Requests are counted like failed logins (`RATE_LIMITED`, `LOGIN_THROTTLED`).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset token
         * @description The token from the mailed link works once and until it expires; a used, replaced, expired or unknown token answers `PASSWORD_RESET_INVALID`. Success ends every session of the person (refresh and access tokens) and lifts their login delays; a pending account becomes active.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mails of your organization, newest first
         * @description Every mail the system sent or will send: invitations, password resets, pace reminders, phase notices, certificates. Without an SMTP server (`SMTP_URL` unset) this is the local outbox where they are delivered. Organization admins see their organization’s mails; platform admins every mail.
         */
        get: operations["listMails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mails/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One mail with its text and HTML
         * @description Activation codes and reset tokens are shown only for mails delivered to the local outbox (no SMTP server): there the outbox is the only way to hand them over, and the reader is an admin of the person’s organization, who could set the password anyway. Mails sent by SMTP show them masked; the server forgets them once the SMTP server has taken the mail.
         */
        get: operations["getMail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift every login delay of a user, from every address
         * @description Failed logins delay further attempts of that login from the same address (`LOGIN_THROTTLED`); this ends those delays at once, e.g. for a participant who forgot their password and has just been given a new one.
         */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List courses */
        get: operations["listCourses"];
        put?: never;
        /** Create a course with an empty draft (version 1) */
        post: operations["createCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course with the tree of one version
         * @description Modules and lesson summaries of `?version=N`; without it the draft, else the latest published version. Lesson content: `GET /v1/lessons/{id}`.
         */
        get: operations["getCourse"];
        put?: never;
        post?: never;
        /** Delete a course that was never published */
        delete: operations["deleteCourse"];
        options?: never;
        head?: never;
        /** Change title or description */
        patch: operations["updateCourse"];
        trace?: never;
    };
    "/v1/courses/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new draft, copied from the latest published version */
        post: operations["startCourseDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard the draft */
        delete: operations["discardCourseDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft
         * @description Checks the whole tree and answers 422 `COURSE_INVALID` listing every problem with its path. A published version never changes.
         */
        post: operations["publishCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The course package of a version (default: latest published) */
        get: operations["exportCourse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a course package
         * @description Matched to an existing course by code: identical content changes nothing (`unchanged`); otherwise the draft is replaced (`updated`) or a new draft version made (`new_version`). `?publish=true` publishes it. Errors name the JSON path.
         */
        post: operations["importCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/{id}/draft/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a module at the end of the draft */
        post: operations["addModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses/{id}/draft/module-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder the draft’s modules */
        put: operations["reorderModules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/modules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a draft module and its lessons */
        delete: operations["deleteModule"];
        options?: never;
        head?: never;
        /** Change a draft module */
        patch: operations["updateModule"];
        trace?: never;
    };
    "/v1/modules/{id}/lessons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a lesson at the end of a draft module */
        post: operations["addLesson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/modules/{id}/lesson-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder a draft module’s lessons */
        put: operations["reorderLessons"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lessons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One lesson with its content
         * @description Participants read lessons of the courses they are enrolled in, never with the correct answers. Staff may preview exactly that with `?as=participant`.
         */
        get: operations["getLesson"];
        put?: never;
        post?: never;
        /** Delete a draft lesson */
        delete: operations["deleteLesson"];
        options?: never;
        head?: never;
        /** Change a draft lesson */
        patch: operations["updateLesson"];
        trace?: never;
    };
    "/v1/lessons/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a question to a draft quiz */
        post: operations["addQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lessons/{id}/question-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder a draft quiz’s questions */
        put: operations["reorderQuestions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a draft question */
        delete: operations["deleteQuestion"];
        options?: never;
        head?: never;
        /** Change a draft question */
        patch: operations["updateQuestion"];
        trace?: never;
    };
    "/v1/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cohorts, by status, course and dates */
        get: operations["listCohorts"];
        put?: never;
        /** Create a cohort (angkatan) pinned to a published course version */
        post: operations["createCohort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cohort with its phases */
        get: operations["getCohort"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change capacity or time zone, or cancel */
        patch: operations["updateCohort"];
        trace?: never;
    };
    "/v1/cohorts/{id}/phases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the ordered phases
         * @description Local dates (inclusive) in the cohort’s time zone; the answer gives the UTC instants each phase opens and closes. Every problem is reported at once (`PHASES_INVALID`). Include `id` to keep an existing phase; a closed phase cannot change, an open one may only move its end.
         */
        put: operations["setPhases"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cohort’s enrollments */
        get: operations["listEnrollments"];
        put?: never;
        /** Enroll one participant: an existing account, or a new one by NIP */
        post: operations["enrollParticipant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/enrollments/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll participants from a CSV or XLSX file
         * @description multipart/form-data with one file field. Columns NIP, nama, email, jabatan, unit kerja, kategori, pangkat/golongan, tempat lahir, tanggal lahir (Indonesian or English names, any order). Idempotent by NIP. `?dryRun=true` reports without writing. Large files answer 202 with a job to poll at `GET /v1/jobs/{id}`.
         */
        post: operations["importEnrollments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/activation-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * New one-time activation codes for participants without a password, as CSV
         * @description Codes are stored hashed, so each download issues fresh codes and voids the earlier ones.
         */
        get: operations["getActivationCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One enrollment */
        get: operations["getEnrollment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a participant */
        post: operations["withdrawEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move to another cohort of the same course version, keeping progress */
        post: operations["moveEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/extensions/{phaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Extend an online phase for this participant */
        put: operations["setExtension"];
        post?: never;
        /** Remove an extension */
        delete: operations["removeExtension"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My enrollments with phases, dates and the current phase */
        get: operations["listMyEnrollments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/enrollments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my enrollments with the course outline */
        get: operations["getMyEnrollment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Arm the phase clock of a draft cohort, or record a program that has ended
         * @description A draft cohort is editable and the clock ignores it. Scheduling arms the clock. When some dates have already passed the answer is 409 `SCHEDULE_CHOICE_REQUIRED` unless `missed` says what to do: `apply` runs the missed transitions now (opening, closing, remedial windows, each once), `past-program` records a program that has ended as it ran: completed, phases closed, no transition fired; attendance, scores, JP and certificates are then recorded with its real dates.
         */
        post: operations["scheduleCohort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/unschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back to draft, while no phase has opened */
        post: operations["unscheduleCohort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress and result of a background job (e.g. a large import) */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a batch of learning events (1–500), e.g. queued offline
         * @description The server decides the credit: a heartbeat earns at most the wall-clock time since the previous event, at most a maximum per heartbeat, and at most what the lesson’s typical time still allows; nothing counts outside an open online phase. Each event is `accepted`, a `duplicate` of one already received, or `rejected` with a code (and stored). A 200 means everything is committed.
         */
        post: operations["reportProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lessons/{id}/quiz-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a quiz attempt: graded on the server, within the attempt limit */
        post: operations["submitQuizAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/jp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My JP in a year, across programs and external trainings */
        get: operations["getMyAnnualJp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/jp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person’s JP in a year, against the yearly target */
        get: operations["getUserAnnualJp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/training-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person’s programs with organizer, dates, JP, result and certificate number
         * @description The home organization (and platform admins) see every organizer’s programs; any other organization sees its own.
         */
        get: operations["getUserTrainingHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/external-trainings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a training done elsewhere, with its JP */
        post: operations["addExternalTraining"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/jp-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct an enrollment’s JP, with a reason */
        post: operations["adjustJp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is on track, who is behind: JP, completion, last activity and pace per participant
         * @description Find participants with `?nip=` (prefix), `?name=` (part), `?unit=`, `?q=` (either), `?status=` and `?pace=`; pages with `limit` and `cursor` → `nextCursor`. `?format=csv` for a spreadsheet of every match.
         */
        get: operations["getCohortProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/phases/{phaseId}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open, close or reopen a phase now, with a reason
         * @description Closing an online phase freezes its progress and flags everyone short of the required JP as remedial. Reopening a closed phase needs its new last day (`endDate`, today or later, before the next phase); closing it again recomputes the outcomes. Only for a scheduled (or running, or completed) cohort that is not a past program. Answers with the timeline.
         */
        post: operations["transitionPhase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every phase transition: trigger, actor, scheduled and actual time */
        get: operations["getCohortTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phases/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A classroom or field phase's sessions
         * @description Participants of the cohort see them once the phase has opened (before: 409 `PHASE_NOT_OPEN`).
         */
        get: operations["listSessions"];
        put?: never;
        /**
         * Add a session to a classroom or field phase
         * @description The session must lie within the phase's local dates in the cohort's time zone, and its JP must fit its duration. 422 `SESSION_INVALID` lists every problem.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /** Delete a session without attendance */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        /**
         * Change a session (not once its phase has closed)
         * @description A change of JP or date moves the ledger credit of everyone who attended.
         */
        patch: operations["updateSession"];
        trace?: never;
    };
    "/v1/sessions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's attendance roster
         * @description Every enrollment of the cohort, with what has been recorded (null: not yet). Instructors: only sessions they teach.
         */
        get: operations["getSessionAttendance"];
        /**
         * Record attendance in bulk, by NIP or enrollment
         * @description For the session’s instructors and org admins, from the session’s start while the phase is open and for `ATTENDANCE_GRACE_DAYS` after it closes. `present` and `late` credit the session’s JP to the ledger; changing a mark later corrects the credit. All lines or none: 422 `ATTENDANCE_INVALID` lists the wrong ones.
         */
        put: operations["recordAttendance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enrollment's attendance and how close it is to the absence limit */
        get: operations["getEnrollmentAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/assessment-scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cohort's assessment scheme */
        get: operations["getAssessmentScheme"];
        /**
         * Set the weighted components, pass mark, predikat bands and absence rule
         * @description Weights must sum to 100; one band must start at 0 and one at the pass mark (no predikat for both a pass and a fail). Without `bands`, the five predikat follow the pass mark. 422 `SCHEME_INVALID` lists every problem. Each change bumps `version`; results already computed keep the scheme they used.
         */
        put: operations["setAssessmentScheme"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/scores/{component}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Score one participant on a manual component (0–100)
         * @description Org admins, and instructors who teach a session of the cohort. Scorer and time are recorded.
         */
        put: operations["setScore"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/scores/{component}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Score many participants on a manual component, by NIP
         * @description All lines or none: 422 `SCORES_INVALID` lists the wrong ones.
         */
        put: operations["setScores"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enrollment's manual scores */
        get: operations["getScores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest result run (or `?version=N`): whether final, the scheme used, the summary
         * @description One row per participant: `GET /v1/cohorts/{id}/report`.
         */
        get: operations["getResults"];
        put?: never;
        /**
         * Compute every participant’s final score, predikat and passed/failed
         * @description A new version each time, with a copy of the scheme used. Once every phase has closed the run is `final`: each enrollment's status becomes passed or failed, and certificates follow it; before, it is a preview that changes no status. Fail reasons: `SCORE_BELOW_PASS_MARK`, `SCORE_MISSING`, `ABSENCE_OVER_LIMIT`, `ONLINE_JP_SHORT`.
         */
        post: operations["computeResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enrollment's result in the newest run (participants: the newest final run) */
        get: operations["getResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cohort's certificates, in the order they were issued */
        get: operations["listCertificates"];
        put?: never;
        /**
         * Issue a certificate to every participant who passed (background job)
         * @description Uses the newest result run, which must be final (409 `RESULTS_NOT_COMPUTED`, `RESULTS_NOT_FINAL`). One certificate per enrollment, never two; calling again issues only the missing ones, and while a job is running the same job is answered. Poll `GET /v1/jobs/{id}`.
         */
        post: operations["issueCertificates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My certificates */
        get: operations["listMyCertificates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The certificate as PDF, with a QR code of its verification URL */
        get: operations["getCertificatePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/verify/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify a certificate (no login): the page its QR code opens
         * @description A browser (`Accept: text/html`) gets a printable page in Indonesian, or English with `?lang=en` or an English `Accept-Language`; anything else gets JSON. `valid`, `revoked` (with the date and the reason category) or `replaced` (with the new certificate). The NIP is masked; no other personal data.
         */
        get: operations["verifyCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}/badge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The certificate as an Open Badges 3.0 OpenBadgeCredential (VC-JWT, application/vc+jwt)
         * @description Verifiable Credentials 2.0, signed with the organization's Ed25519 key (EdDSA; keys at `/.well-known/jwks.json`); revocation through the organization's Bitstring Status List (`credentialStatus`).
         */
        get: operations["getCertificateBadge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/issuer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The issuer profile of an organization's Open Badges credentials (no login) */
        get: operations["getBadgeIssuer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/status-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's Bitstring Status List credential (revocation; VC-JWT; no login) */
        get: operations["getBadgeStatusList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a certificate, with a reason
         * @description Verification then answers `revoked` with the date and the category (the free-text reason stays internal). 409 `CERTIFICATE_REVOKED` when it already is.
         */
        post: operations["revokeCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reissue a revoked certificate for the same enrollment
         * @description Made from today's person data and the newest final result: a new verification code and the cohort's next sequence number through `CERTIFICATE_NUMBER_TEMPLATE`. The old certificate stays revoked and its verification page links to the new one. 409 `CERTIFICATE_NOT_REVOKED`, `CERTIFICATE_ALREADY_REISSUED`, `CERTIFICATE_VALID_EXISTS`, `ENROLLMENT_NOT_PASSED`.
         */
        post: operations["reissueCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/certificate-logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logo as stored */
        get: operations["getCertificateLogo"];
        /**
         * The organization's logo on its certificates
         * @description multipart/form-data with one file: PNG, JPEG or SVG (no scripts or external references), at most 512 KiB. The type is read from the content. 415 `LOGO_UNSUPPORTED`, 413 `LOGO_TOO_LARGE`.
         */
        put: operations["setCertificateLogo"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/certificate-signatories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The organization's signatories and place of issue
         * @description One or two officials (position, name, NIP, rank). A cohort may set its own.
         */
        put: operations["setOrganizationSignatories"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/certificate-signatories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A cohort's own signatories and place of issue (instead of the organization's) */
        put: operations["setCohortSignatories"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/certificate-signing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether and how certificates are signed (never the secrets) */
        get: operations["getCertificateSigning"];
        put?: never;
        post?: never;
        /** Stop signing certificates */
        delete: operations["stopCertificateSigning"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/certificate-signing/pkcs12": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sign certificates with a PKCS#12 file
         * @description multipart/form-data: `file` (the .p12/.pfx) and `passphrase`. Tried on a sample PDF first (422 `PKCS12_INVALID`); stored encrypted; never answered or logged.
         */
        put: operations["setPkcs12Signing"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/certificate-signing/gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sign certificates through the remote signing gateway
         * @description The signer's id at the gateway (e.g. NIK) and passphrase; the gateway itself is `SIGNING_GATEWAY_URL` (409 `SIGNING_GATEWAY_NOT_CONFIGURED`). The passphrase is stored encrypted and never answered.
         */
        put: operations["setGatewaySigning"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cohort's recap: one row per participant and a summary
         * @description Per participant: NIP, name, position and rank (the enrollment’s profile), category, unit, online, classroom and field JP, attendance, each score, final score, predikat (newest result run), status, fail reasons and certificate number. Summary: counts by status, category and predikat. `format=json` (default), `csv` or `xlsx`; streamed, for any cohort size. The XLSX sheet Peserta opens with the program’s heading (organizer, program, cohort, dates, JP, generated at in the cohort’s zone) above a frozen header row; a missing score is a blank cell. Labels, statuses and reasons are in Indonesian, or in English for `Accept-Language: en` or a user whose saved locale is en.
         */
        get: operations["getCohortReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/annual-jp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 20 JP report: every staff member’s JP of the year against their target, by unit
         * @description For the home organization: each person whose home it is (disabled accounts aside), their JP of the year from every organizer and external training, their target (PNS `annualJpTarget`, PPPK `annualJpTargetPppk`), the shortfall, and totals per unit. Filter by `unit`, `category`, `below=true`; `year` defaults to this year in the organization’s time zone. `format=json` (totals, units, then `staff`), `csv` (`view=staff` or `view=units`) or `xlsx` (sheets Pegawai and Rekap Unit; labels in the request’s language). Streamed from a database cursor: any number of staff, constant memory.
         */
        get: operations["getAnnualJpReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s endpoints */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an endpoint for events
         * @description Each delivery is a POST of `{id, type, createdAt, data}` with headers `x-webhook-event`, `x-webhook-id`, `x-webhook-timestamp` and `x-webhook-signature: sha256=HMAC-SHA256(secret, timestamp + "." + body)`. Non-2xx answers (redirects included: they are not followed) are retried with exponential backoff. The URL must be a public address, or lie in a network the operator allowed: 422 `WEBHOOK_TARGET_NOT_ALLOWED`. The secret is shown only in this answer.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an endpoint */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest deliveries to an endpoint, with attempts and outcome */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/lessons/{lessonId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version handed in for a lesson, oldest first
         * @description The participant of the enrollment, and the staff of its cohort.
         */
        get: operations["listLessonSubmissions"];
        put?: never;
        /**
         * Hand in work for an assignment lesson: a file, or a text
         * @description The participant of the enrollment only. A file goes as multipart/form-data with one file field (at most 5242880 bytes: 413 `PAYLOAD_TOO_LARGE`); its kind is recognized from its content: PDF, PNG, JPEG, WebP, DOCX, XLSX or PPTX (otherwise 415 `UNSUPPORTED_FILE_TYPE`). A text goes as JSON `{text}`. Each hand-in is a new version; after one is returned the participant may hand in again. 409: `SUBMISSIONS_NOT_TAKEN`, `NOT_ENROLLED`, `PHASE_NOT_OPEN`, `PHASE_CLOSED`, `SUBMISSION_UNDER_REVIEW`, `SUBMISSION_ACCEPTED`.
         */
        post: operations["submitWork"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One hand-in, with its review */
        get: operations["getSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the file of a hand-in
         * @description The participant, and the staff of the cohort; 404 for anyone else.
         */
        get: operations["downloadSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a hand-in, or return it with a comment
         * @description Org admins, and instructors who teach a session of the cohort. Accepting completes the lesson when it completes on acceptance. 409 `SUBMISSION_ALREADY_REVIEWED`.
         */
        post: operations["reviewSubmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cohorts/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cohort’s hand-ins, oldest first: `?status=submitted` is the review queue */
        get: operations["listCohortSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. Clients switch on `code`, never on `title` or `detail`. */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @enum {string} */
            code: "ACCOUNT_DISABLED" | "ACTIVATION_INVALID" | "ALREADY_ENROLLED" | "ALREADY_MEMBER" | "ALREADY_WITHDRAWN" | "ASSESSMENT_SCHEME_NOT_SET" | "ATTEMPT_CONFLICT" | "ATTEMPT_LIMIT_REACHED" | "ATTENDANCE_CLOSED" | "ATTENDANCE_INVALID" | "BAD_CONTENT_LENGTH" | "BAD_REQUEST" | "BAD_URL" | "CANNOT_DISABLE_SELF" | "CAPACITY_BELOW_ENROLLED" | "CERTIFICATE_ALREADY_REISSUED" | "CERTIFICATE_NOT_FOUND" | "CERTIFICATE_NOT_REVOKED" | "CERTIFICATE_REVOKED" | "CERTIFICATE_VALID_EXISTS" | "COHORT_CLOSED" | "COHORT_CODE_TAKEN" | "COHORT_FULL" | "COHORT_HAS_NO_PHASES" | "COHORT_NOT_DRAFT" | "COHORT_NOT_PAST" | "COHORT_NOT_SCHEDULED" | "COMPONENT_NOT_FOUND" | "COMPONENT_NOT_MANUAL" | "CONFLICT" | "COURSE_CODE_TAKEN" | "COURSE_INVALID" | "COURSE_NOT_PUBLISHED" | "COURSE_PUBLISHED" | "COURSE_VERSION_MISMATCH" | "DATABASE_UNAVAILABLE" | "DATE_OUTSIDE_PROGRAM" | "DRAFT_EXISTS" | "EMAIL_TAKEN" | "ENROLLMENT_NOT_PASSED" | "ENROLLMENT_REFUSED" | "ENROLLMENT_WITHDRAWN" | "FILE_REQUIRED" | "FORBIDDEN" | "HEADERS_TOO_LARGE" | "INTERNAL" | "INVALID_ANSWERS" | "INVALID_CREDENTIALS" | "INVALID_CURSOR" | "INVALID_NIP" | "INVALID_PARTICIPANT" | "ISSUER_NOT_FOUND" | "LESSON_CODE_TAKEN" | "LOGIN_THROTTLED" | "LOGO_NOT_FOUND" | "LOGO_TOO_LARGE" | "LOGO_UNSUPPORTED" | "MALFORMED_JSON" | "MALFORMED_MULTIPART" | "MALFORMED_REQUEST" | "METHOD_NOT_ALLOWED" | "MODULE_CODE_TAKEN" | "NIP_TAKEN" | "NOT_ACCEPTABLE" | "NOT_AN_ONLINE_PHASE" | "NOT_A_MEMBER" | "NOT_A_PARTICIPANT" | "NOT_A_QUIZ" | "NOT_COHORT_INSTRUCTOR" | "NOT_ENROLLED" | "NOT_FOUND" | "NOT_HOME_ORGANIZATION" | "NOT_SESSION_INSTRUCTOR" | "NO_DRAFT" | "ONLY_VERSION" | "ORGANIZATION_CODE_TAKEN" | "ORGANIZATION_NOT_EMPTY" | "PASSPHRASE_REQUIRED" | "PAYLOAD_TOO_LARGE" | "PASSWORD_RESET_INVALID" | "PERSON_EXISTS" | "PHASES_INVALID" | "PHASE_ALREADY_CLOSED" | "PHASE_ALREADY_OPEN" | "PHASE_CLOSED" | "PHASE_NOT_CLOSED" | "PHASE_NOT_OPEN" | "PHASE_STARTED" | "PKCS12_INVALID" | "QUESTIONS_EXIST" | "QUEUE_UNAVAILABLE" | "RATE_LIMITED" | "REFRESH_TOKEN_EXPIRED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "REFRESH_TOKEN_REVOKED" | "REOPEN_DATE_INVALID" | "REQUEST_TIMEOUT" | "RESULTS_NOT_COMPUTED" | "RESULTS_NOT_FINAL" | "ROLE_CHANGE_NOT_ALLOWED" | "ROSTER_INVALID" | "ROSTER_TOO_LARGE" | "ROUTE_NOT_FOUND" | "SCHEDULE_CHOICE_REQUIRED" | "SCHEME_INVALID" | "SCORES_INVALID" | "SESSION_HAS_ATTENDANCE" | "SESSION_INVALID" | "SESSION_NOT_STARTED" | "SIGNING_GATEWAY_NOT_CONFIGURED" | "SUBMISSIONS_NOT_TAKEN" | "SUBMISSION_ACCEPTED" | "SUBMISSION_ALREADY_REVIEWED" | "SUBMISSION_KIND_REFUSED" | "SUBMISSION_UNDER_REVIEW" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "TOO_MANY_FIELDS" | "TOO_MANY_FILES" | "TOO_MANY_PARTS" | "UNAUTHENTICATED" | "UNSUPPORTED_FILE_TYPE" | "UNSUPPORTED_MEDIA_TYPE" | "URI_TOO_LONG" | "VALIDATION_FAILED" | "VERSION_PUBLISHED" | "WEBHOOK_TARGET_NOT_ALLOWED";
            /** @description Per field, for validation and rule failures */
            errors?: {
                path: string;
                message: string;
            }[];
        };
    };
    responses: {
        /** @description The request is malformed or a field is wrong (`errors` lists them) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid access token */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The role, or the organization, may not do this */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource (in the caller’s organization) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource’s state does not allow this now */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body or file is larger than allowed */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not of a type this operation takes */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Well-formed, but breaks a rule (`errors` lists every problem) */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests; retry after `Retry-After` seconds */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        checks: {
                            database: {
                                /** @enum {string} */
                                status: "ok" | "failing";
                                ms: number;
                            };
                            queue: {
                                /** @enum {string} */
                                status: "ok" | "failing";
                                ms: number;
                            };
                            clock: {
                                /** @enum {string} */
                                status: "ok" | "failing";
                                ms: number;
                            };
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "failing";
                        checks: {
                            database: {
                                /** @enum {string} */
                                status: "ok" | "failing";
                                ms: number;
                            };
                            queue: {
                                /** @enum {string} */
                                status: "ok" | "failing";
                                ms: number;
                            };
                            clock: {
                                /** @enum {string} */
                                status: "ok" | "failing";
                                ms: number;
                            };
                        };
                    };
                };
            };
        };
    };
    getBadgeIssuerKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description NIP (18 digits) or email */
                    login: string;
                    password: string;
                    /**
                     * Format: uuid
                     * @description The organization to act in, for people with roles in several (default: the strongest role)
                     */
                    organizationId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** Format: date-time */
                        refreshExpiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    switchOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    organizationId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** Format: date-time */
                        refreshExpiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    activateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description NIP (18 digits) or email */
                    login: string;
                    /** @description The one-time activation code, e.g. K7QM-2XHP-9RTD */
                    code: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** Format: date-time */
                        refreshExpiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** Format: date-time */
                        refreshExpiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The person’s own instansi, when it is an organization here */
                        homeOrgId: string | null;
                        /**
                         * @description The strongest role in the organization asking (platform_admin for platform admins)
                         * @enum {string}
                         */
                        role: "platform_admin" | "org_admin" | "instructor" | "participant";
                        /** @description Every role in the organization asking */
                        roles: ("org_admin" | "instructor" | "participant")[];
                        /** @enum {string} */
                        status: "active" | "pending" | "disabled";
                        nip: string | null;
                        nipKind: ("pns" | "pppk") | null;
                        email: string | null;
                        name: string;
                        birthPlace: string | null;
                        birthDate: string | null;
                        rank: string | null;
                        position: string | null;
                        unit: string | null;
                        category: string | null;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The organization this login acts in */
                        organization: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            timeZone: string;
                        } | null;
                        homeOrganization: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                        } | null;
                        memberships: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            roles: ("org_admin" | "instructor" | "participant")[];
                        }[];
                        /** @description The language chosen for problem texts, import reasons and reports; null: as Accept-Language asks */
                        locale: ("id" | "en") | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description id (Indonesian) or en (English); null to follow the Accept-Language header again */
                    locale: ("id" | "en") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The person’s own instansi, when it is an organization here */
                        homeOrgId: string | null;
                        /**
                         * @description The strongest role in the organization asking (platform_admin for platform admins)
                         * @enum {string}
                         */
                        role: "platform_admin" | "org_admin" | "instructor" | "participant";
                        /** @description Every role in the organization asking */
                        roles: ("org_admin" | "instructor" | "participant")[];
                        /** @enum {string} */
                        status: "active" | "pending" | "disabled";
                        nip: string | null;
                        nipKind: ("pns" | "pppk") | null;
                        email: string | null;
                        name: string;
                        birthPlace: string | null;
                        birthDate: string | null;
                        rank: string | null;
                        position: string | null;
                        unit: string | null;
                        category: string | null;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The organization this login acts in */
                        organization: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            timeZone: string;
                        } | null;
                        homeOrganization: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                        } | null;
                        memberships: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            roles: ("org_admin" | "instructor" | "participant")[];
                        }[];
                        /** @description The language chosen for problem texts, import reasons and reports; null: as Accept-Language asks */
                        locale: ("id" | "en") | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            timeZone: string;
                            settings: {
                                minutesPerJp: number;
                                /** @description JP a PNS must earn in a year (PP 17/2020: 20) */
                                annualJpTarget: number;
                                /** @description JP a PPPK is to earn in a year */
                                annualJpTargetPppk: number;
                                /** @description Whether people without a NIP may be enrolled by email */
                                allowNonAsnParticipants: boolean;
                                /** @description The sender of this organization’s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server’s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM). */
                                mailFrom?: {
                                    name: string;
                                    /** Format: email */
                                    address: string;
                                } | null;
                                /** @description Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true) */
                                paceReminders?: boolean;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    timeZone?: string;
                    settings?: {
                        minutesPerJp?: number;
                        /** @description JP a PNS must earn in a year (PP 17/2020: 20) */
                        annualJpTarget?: number;
                        /** @description JP a PPPK is to earn in a year */
                        annualJpTargetPppk?: number;
                        /** @description Whether people without a NIP may be enrolled by email */
                        allowNonAsnParticipants?: boolean;
                        /** @description The sender of this organization’s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server’s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM). */
                        mailFrom?: {
                            name: string;
                            /** Format: email */
                            address: string;
                        } | null;
                        /** @description Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true) */
                        paceReminders?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        settings: {
                            minutesPerJp: number;
                            /** @description JP a PNS must earn in a year (PP 17/2020: 20) */
                            annualJpTarget: number;
                            /** @description JP a PPPK is to earn in a year */
                            annualJpTargetPppk: number;
                            /** @description Whether people without a NIP may be enrolled by email */
                            allowNonAsnParticipants: boolean;
                            /** @description The sender of this organization’s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server’s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM). */
                            mailFrom?: {
                                name: string;
                                /** Format: email */
                                address: string;
                            } | null;
                            /** @description Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true) */
                            paceReminders?: boolean;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        settings: {
                            minutesPerJp: number;
                            /** @description JP a PNS must earn in a year (PP 17/2020: 20) */
                            annualJpTarget: number;
                            /** @description JP a PPPK is to earn in a year */
                            annualJpTargetPppk: number;
                            /** @description Whether people without a NIP may be enrolled by email */
                            allowNonAsnParticipants: boolean;
                            /** @description The sender of this organization’s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server’s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM). */
                            mailFrom?: {
                                name: string;
                                /** Format: email */
                                address: string;
                            } | null;
                            /** @description Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true) */
                            paceReminders?: boolean;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    timeZone?: string;
                    settings?: {
                        minutesPerJp?: number;
                        /** @description JP a PNS must earn in a year (PP 17/2020: 20) */
                        annualJpTarget?: number;
                        /** @description JP a PPPK is to earn in a year */
                        annualJpTargetPppk?: number;
                        /** @description Whether people without a NIP may be enrolled by email */
                        allowNonAsnParticipants?: boolean;
                        /** @description The sender of this organization’s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server’s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM). */
                        mailFrom?: {
                            name: string;
                            /** Format: email */
                            address: string;
                        } | null;
                        /** @description Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true) */
                        paceReminders?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        settings: {
                            minutesPerJp: number;
                            /** @description JP a PNS must earn in a year (PP 17/2020: 20) */
                            annualJpTarget: number;
                            /** @description JP a PPPK is to earn in a year */
                            annualJpTargetPppk: number;
                            /** @description Whether people without a NIP may be enrolled by email */
                            allowNonAsnParticipants: boolean;
                            /** @description The sender of this organization’s mails, e.g. { "name": "BKPSDM Kota Jambi", "address": "diklat@jambikota.go.id" }; null: the server’s MAIL_FROM. The SMTP server must be allowed to send for that domain (SPF/DKIM). */
                            mailFrom?: {
                                name: string;
                                /** Format: email */
                                address: string;
                            } | null;
                            /** @description Whether participants behind pace in an open online phase get a reminder mail, at most one a day (default true) */
                            paceReminders?: boolean;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description One box: digits are a NIP prefix (spaces, dots and dashes ignored), anything else part of the name */
                q?: string;
                /** @description The NIP starts with these digits (spaces, dots and dashes ignored) */
                nip?: string;
                /** @description Part of the name, case-insensitive */
                name?: string;
                /** @description The unit (unit kerja), case-insensitive, whole name */
                unit?: string;
                role?: "platform_admin" | "org_admin" | "instructor" | "participant";
                status?: "active" | "pending" | "disabled";
                orgId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @description The person’s own instansi, when it is an organization here */
                            homeOrgId: string | null;
                            /**
                             * @description The strongest role in the organization asking (platform_admin for platform admins)
                             * @enum {string}
                             */
                            role: "platform_admin" | "org_admin" | "instructor" | "participant";
                            /** @description Every role in the organization asking */
                            roles: ("org_admin" | "instructor" | "participant")[];
                            /** @enum {string} */
                            status: "active" | "pending" | "disabled";
                            nip: string | null;
                            nipKind: ("pns" | "pppk") | null;
                            email: string | null;
                            name: string;
                            birthPlace: string | null;
                            birthDate: string | null;
                            rank: string | null;
                            position: string | null;
                            unit: string | null;
                            category: string | null;
                            lastLoginAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description For platform admins: the organization the membership is in
                     */
                    orgId?: string;
                    /** @enum {string} */
                    role: "platform_admin" | "org_admin" | "instructor" | "participant";
                    /** @description 18 digits (PNS NIP or PPPK number); spaces, dots and dashes are ignored */
                    nip?: string;
                    /** Format: email */
                    email?: string;
                    password?: string;
                    name: string;
                    birthPlace?: string | null;
                    birthDate?: string | null;
                    rank?: string | null;
                    position?: string | null;
                    unit?: string | null;
                    category?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The person’s own instansi, when it is an organization here */
                        homeOrgId: string | null;
                        /**
                         * @description The strongest role in the organization asking (platform_admin for platform admins)
                         * @enum {string}
                         */
                        role: "platform_admin" | "org_admin" | "instructor" | "participant";
                        /** @description Every role in the organization asking */
                        roles: ("org_admin" | "instructor" | "participant")[];
                        /** @enum {string} */
                        status: "active" | "pending" | "disabled";
                        nip: string | null;
                        nipKind: ("pns" | "pppk") | null;
                        email: string | null;
                        name: string;
                        birthPlace: string | null;
                        birthDate: string | null;
                        rank: string | null;
                        position: string | null;
                        unit: string | null;
                        category: string | null;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        linked: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The person’s own instansi, when it is an organization here */
                        homeOrgId: string | null;
                        /**
                         * @description The strongest role in the organization asking (platform_admin for platform admins)
                         * @enum {string}
                         */
                        role: "platform_admin" | "org_admin" | "instructor" | "participant";
                        /** @description Every role in the organization asking */
                        roles: ("org_admin" | "instructor" | "participant")[];
                        /** @enum {string} */
                        status: "active" | "pending" | "disabled";
                        nip: string | null;
                        nipKind: ("pns" | "pppk") | null;
                        email: string | null;
                        name: string;
                        birthPlace: string | null;
                        birthDate: string | null;
                        rank: string | null;
                        position: string | null;
                        unit: string | null;
                        category: string | null;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "platform_admin" | "org_admin" | "instructor" | "participant";
                    /** @enum {string} */
                    status?: "active" | "disabled";
                    nip?: string | null;
                    email?: string | null;
                    password?: string;
                    name?: string;
                    birthPlace?: string | null;
                    birthDate?: string | null;
                    rank?: string | null;
                    position?: string | null;
                    unit?: string | null;
                    category?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The person’s own instansi, when it is an organization here */
                        homeOrgId: string | null;
                        /**
                         * @description The strongest role in the organization asking (platform_admin for platform admins)
                         * @enum {string}
                         */
                        role: "platform_admin" | "org_admin" | "instructor" | "participant";
                        /** @description Every role in the organization asking */
                        roles: ("org_admin" | "instructor" | "participant")[];
                        /** @enum {string} */
                        status: "active" | "pending" | "disabled";
                        nip: string | null;
                        nipKind: ("pns" | "pppk") | null;
                        email: string | null;
                        name: string;
                        birthPlace: string | null;
                        birthDate: string | null;
                        rank: string | null;
                        position: string | null;
                        unit: string | null;
                        category: string | null;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: {
                /** @description Language of the mail when the person chose none: else Accept-Language's, else Indonesian */
                lang?: "id" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description NIP (18 digits) or email */
                    login: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMails: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                kind?: "invitation" | "password_reset" | "pace_reminder" | "phase_opened" | "phase_closed" | "certificate_issued";
                status?: "pending" | "sending" | "sent" | "failed" | "uncertain";
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            orgId: string | null;
                            userId: string | null;
                            /** @enum {string} */
                            kind: "invitation" | "password_reset" | "pace_reminder" | "phase_opened" | "phase_closed" | "certificate_issued";
                            /** @enum {string} */
                            lang: "id" | "en";
                            to: {
                                address: string;
                                name: string | null;
                            };
                            subject: string;
                            /**
                             * @description `uncertain`: the sender stopped while the SMTP server may have taken it; it is not sent again
                             * @enum {string}
                             */
                            status: "pending" | "sending" | "sent" | "failed" | "uncertain";
                            /** @description `local`: no SMTP server is configured; read it here */
                            transport: ("smtp" | "local") | null;
                            attempts: number;
                            lastError: string | null;
                            messageId: string;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                            nextAttemptAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getMail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        orgId: string | null;
                        userId: string | null;
                        /** @enum {string} */
                        kind: "invitation" | "password_reset" | "pace_reminder" | "phase_opened" | "phase_closed" | "certificate_issued";
                        /** @enum {string} */
                        lang: "id" | "en";
                        to: {
                            address: string;
                            name: string | null;
                        };
                        subject: string;
                        /**
                         * @description `uncertain`: the sender stopped while the SMTP server may have taken it; it is not sent again
                         * @enum {string}
                         */
                        status: "pending" | "sending" | "sent" | "failed" | "uncertain";
                        /** @description `local`: no SMTP server is configured; read it here */
                        transport: ("smtp" | "local") | null;
                        attempts: number;
                        lastError: string | null;
                        messageId: string;
                        /** Format: date-time */
                        createdAt: string;
                        sentAt: string | null;
                        nextAttemptAt: string | null;
                        from: {
                            name: string;
                            address: string;
                        };
                        text: string;
                        html: string;
                        /** @description Whether the activation code or reset token is shown; otherwise it is masked as •••••• */
                        secretShown: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Delays lifted (one per address) */
                        cleared: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listCourses: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            orgId: string;
                            code: string;
                            title: string;
                            description: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            versions: {
                                /** Format: uuid */
                                id: string;
                                number: number;
                                label: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                publishedAt: string | null;
                            }[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createCourse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    orgId?: string;
                    code: string;
                    title: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        title: string;
                        description: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        versions: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            publishedAt: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCourse: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        title: string;
                        description: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        versions: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            publishedAt: string | null;
                        }[];
                        version: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            publishedAt: string | null;
                            totalJp: number;
                            modules: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                code: string;
                                agenda: string;
                                title: string;
                                jp: number;
                                jpFixed: boolean;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    position: number;
                                    code: string;
                                    /** @enum {string} */
                                    kind: "video" | "reading" | "quiz" | "assignment";
                                    title: string;
                                    durationMinutes: number;
                                    required: boolean;
                                    manualCompletion: boolean;
                                    questionCount: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        title: string;
                        description: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        versions: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            publishedAt: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    startCourseDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: number;
                        label: string | null;
                        /** @enum {string} */
                        status: "draft" | "published";
                        publishedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    discardCourseDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    publishCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: number;
                        label: string | null;
                        /** @enum {string} */
                        status: "draft" | "published";
                        publishedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    exportCourse: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "course-package/1";
                        code: string;
                        title: string;
                        /** @default  */
                        description: string;
                        versionLabel?: string;
                        modules: {
                            code: string;
                            agenda: string;
                            title: string;
                            jp: number;
                            /**
                             * @description JP set by the curriculum, not derived from the lessons’ time
                             * @default false
                             */
                            jpFixed: boolean;
                            lessons: {
                                code: string;
                                /** @enum {string} */
                                kind: "video" | "reading" | "quiz" | "assignment";
                                title: string;
                                /** @description Markdown */
                                body?: string;
                                /** Format: uri */
                                mediaUrl?: string;
                                /** @description Typical learning time */
                                durationMinutes: number;
                                /** @default true */
                                required: boolean;
                                /**
                                 * @description The participant may mark it done by hand
                                 * @default false
                                 */
                                manualCompletion: boolean;
                                /** @description Assignment lessons only: the participant hands work in, and instructors review it */
                                submission?: {
                                    /**
                                     * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                                     * @default file_or_text
                                     * @enum {string}
                                     */
                                    accepts: "file" | "text" | "file_or_text";
                                    /**
                                     * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                                     * @default acceptance
                                     * @enum {string}
                                     */
                                    completesOn: "acceptance" | "submission";
                                };
                                quiz?: {
                                    /** @description Percent of the points needed to pass */
                                    passScore: number;
                                    attemptLimit: number;
                                    /**
                                     * @default after_pass
                                     * @enum {string}
                                     */
                                    revealAnswers: "never" | "after_attempt" | "after_pass";
                                    questions: {
                                        /** @enum {string} */
                                        kind: "single" | "multiple";
                                        prompt: string;
                                        options: {
                                            key: string;
                                            text: string;
                                        }[];
                                        correct: string[];
                                        /** @default 1 */
                                        points: number;
                                    }[];
                                };
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    importCourse: {
        parameters: {
            query?: {
                orgId?: string;
                publish?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    format: "course-package/1";
                    code: string;
                    title: string;
                    /** @default  */
                    description?: string;
                    versionLabel?: string;
                    modules: {
                        code: string;
                        agenda: string;
                        title: string;
                        jp: number;
                        /**
                         * @description JP set by the curriculum, not derived from the lessons’ time
                         * @default false
                         */
                        jpFixed?: boolean;
                        lessons: {
                            code: string;
                            /** @enum {string} */
                            kind: "video" | "reading" | "quiz" | "assignment";
                            title: string;
                            /** @description Markdown */
                            body?: string;
                            /** Format: uri */
                            mediaUrl?: string;
                            /** @description Typical learning time */
                            durationMinutes: number;
                            /** @default true */
                            required?: boolean;
                            /**
                             * @description The participant may mark it done by hand
                             * @default false
                             */
                            manualCompletion?: boolean;
                            /** @description Assignment lessons only: the participant hands work in, and instructors review it */
                            submission?: {
                                /**
                                 * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                                 * @default file_or_text
                                 * @enum {string}
                                 */
                                accepts?: "file" | "text" | "file_or_text";
                                /**
                                 * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                                 * @default acceptance
                                 * @enum {string}
                                 */
                                completesOn?: "acceptance" | "submission";
                            };
                            quiz?: {
                                /** @description Percent of the points needed to pass */
                                passScore: number;
                                attemptLimit: number;
                                /**
                                 * @default after_pass
                                 * @enum {string}
                                 */
                                revealAnswers?: "never" | "after_attempt" | "after_pass";
                                questions: {
                                    /** @enum {string} */
                                    kind: "single" | "multiple";
                                    prompt: string;
                                    options: {
                                        key: string;
                                        text: string;
                                    }[];
                                    correct: string[];
                                    /** @default 1 */
                                    points?: number;
                                }[];
                            };
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "created" | "new_version" | "updated" | "unchanged";
                        /** Format: uuid */
                        courseId: string;
                        version: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            publishedAt: string | null;
                        };
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "created" | "new_version" | "updated" | "unchanged";
                        /** Format: uuid */
                        courseId: string;
                        version: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            publishedAt: string | null;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    addModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    agenda: string;
                    title: string;
                    jp: number;
                    /**
                     * @description JP set by the curriculum, not derived from the lessons’ time
                     * @default false
                     */
                    jpFixed?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        position: number;
                        code: string;
                        agenda: string;
                        title: string;
                        jp: number;
                        jpFixed: boolean;
                        lessons: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            code: string;
                            /** @enum {string} */
                            kind: "video" | "reading" | "quiz" | "assignment";
                            title: string;
                            durationMinutes: number;
                            required: boolean;
                            manualCompletion: boolean;
                            questionCount: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    reorderModules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    deleteModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateModule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    agenda?: string;
                    title?: string;
                    jp?: number;
                    /**
                     * @description JP set by the curriculum, not derived from the lessons’ time
                     * @default false
                     */
                    jpFixed?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        position: number;
                        code: string;
                        agenda: string;
                        title: string;
                        jp: number;
                        jpFixed: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    addLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    /** @enum {string} */
                    kind: "video" | "reading" | "quiz" | "assignment";
                    title: string;
                    /** @description Markdown */
                    body?: string;
                    /** Format: uri */
                    mediaUrl?: string;
                    /** @description Typical learning time */
                    durationMinutes: number;
                    /** @default true */
                    required?: boolean;
                    /**
                     * @description The participant may mark it done by hand
                     * @default false
                     */
                    manualCompletion?: boolean;
                    /** @description Assignment lessons only: the participant hands work in, and instructors review it */
                    submission?: {
                        /**
                         * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                         * @default file_or_text
                         * @enum {string}
                         */
                        accepts?: "file" | "text" | "file_or_text";
                        /**
                         * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                         * @default acceptance
                         * @enum {string}
                         */
                        completesOn?: "acceptance" | "submission";
                    };
                    quiz?: {
                        /** @description Percent of the points needed to pass */
                        passScore: number;
                        attemptLimit: number;
                        /**
                         * @default after_pass
                         * @enum {string}
                         */
                        revealAnswers?: "never" | "after_attempt" | "after_pass";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                                correct: string[];
                            }[];
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    reorderLessons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getLesson: {
        parameters: {
            query?: {
                /** @description `participant`: exactly what a participant receives */
                as?: "admin" | "participant";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                                correct: string[];
                            }[];
                        } | null;
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                            }[];
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateLesson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    /** @enum {string} */
                    kind?: "video" | "reading" | "quiz" | "assignment";
                    title?: string;
                    body?: string | null;
                    mediaUrl?: string | null;
                    /** @description Typical learning time */
                    durationMinutes?: number;
                    /** @default true */
                    required?: boolean;
                    /**
                     * @description The participant may mark it done by hand
                     * @default false
                     */
                    manualCompletion?: boolean;
                    submission?: {
                        /**
                         * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                         * @default file_or_text
                         * @enum {string}
                         */
                        accepts?: "file" | "text" | "file_or_text";
                        /**
                         * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                         * @default acceptance
                         * @enum {string}
                         */
                        completesOn?: "acceptance" | "submission";
                    } | null;
                    quiz?: {
                        /** @description Percent of the points needed to pass */
                        passScore: number;
                        attemptLimit: number;
                        /**
                         * @default after_pass
                         * @enum {string}
                         */
                        revealAnswers?: "never" | "after_attempt" | "after_pass";
                    } | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                                correct: string[];
                            }[];
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    addQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "single" | "multiple";
                    prompt: string;
                    options: {
                        key: string;
                        text: string;
                    }[];
                    correct: string[];
                    /** @default 1 */
                    points?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                                correct: string[];
                            }[];
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    reorderQuestions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                                correct: string[];
                            }[];
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    deleteQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind?: "single" | "multiple";
                    prompt?: string;
                    options?: {
                        key: string;
                        text: string;
                    }[];
                    correct?: string[];
                    /** @default 1 */
                    points?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        courseId: string;
                        /** Format: uuid */
                        versionId: string;
                        /** @enum {string} */
                        versionStatus: "draft" | "published";
                        /** Format: uuid */
                        moduleId: string;
                        position: number;
                        code: string;
                        /** @enum {string} */
                        kind: "video" | "reading" | "quiz" | "assignment";
                        title: string;
                        body: string | null;
                        mediaUrl: string | null;
                        durationMinutes: number;
                        required: boolean;
                        manualCompletion: boolean;
                        submission: {
                            /**
                             * @description A file (PDF, image, DOCX/XLSX/PPTX), a text, or either
                             * @default file_or_text
                             * @enum {string}
                             */
                            accepts: "file" | "text" | "file_or_text";
                            /**
                             * @description acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in
                             * @default acceptance
                             * @enum {string}
                             */
                            completesOn: "acceptance" | "submission";
                        } | null;
                        quiz: {
                            /** @description Percent of the points needed to pass */
                            passScore: number;
                            attemptLimit: number;
                            /**
                             * @default after_pass
                             * @enum {string}
                             */
                            revealAnswers: "never" | "after_attempt" | "after_pass";
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "single" | "multiple";
                                prompt: string;
                                options: {
                                    key: string;
                                    text: string;
                                }[];
                                points: number;
                                correct: string[];
                            }[];
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listCohorts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                courseId?: string;
                /** @description Cohorts whose dates reach this day or later */
                from?: string;
                /** @description Cohorts whose dates begin on this day or earlier */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            orgId: string;
                            code: string;
                            name: string;
                            timeZone: string;
                            capacity: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                            /** @description Recorded after the fact: the phase clock never acts on it */
                            pastProgram: boolean;
                            course: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                title: string;
                            };
                            courseVersion: {
                                /** Format: uuid */
                                id: string;
                                number: number;
                                label: string | null;
                            };
                            startsOn: string | null;
                            endsOn: string | null;
                            /** @description Enrollments that are not withdrawn */
                            enrolled: number;
                            phases: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                /** @enum {string} */
                                kind: "online" | "classroom" | "field";
                                name: string;
                                startDate: string;
                                endDate: string;
                                /** Format: date-time */
                                opensAt: string;
                                /** Format: date-time */
                                closesAt: string;
                                requiredJp: number;
                                venue: string | null;
                                remedialDays: number;
                                /** @enum {string} */
                                state: "pending" | "open" | "closed";
                                scheduleVersion: number;
                                /** @description 1, then one more for each reopening */
                                round: number;
                            }[];
                            /** @description The phase whose dates include now */
                            currentPhaseId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createCohort: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    orgId?: string;
                    /** Format: uuid */
                    courseId: string;
                    /** @description Version number to pin; default: the latest published */
                    courseVersion?: number;
                    code: string;
                    name: string;
                    /** @description Default: the organization's */
                    timeZone?: string;
                    capacity?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        capacity: number | null;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        /** @description Recorded after the fact: the phase clock never acts on it */
                        pastProgram: boolean;
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        courseVersion: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                        };
                        startsOn: string | null;
                        endsOn: string | null;
                        /** @description Enrollments that are not withdrawn */
                        enrolled: number;
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                        }[];
                        /** @description The phase whose dates include now */
                        currentPhaseId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCohort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        capacity: number | null;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        /** @description Recorded after the fact: the phase clock never acts on it */
                        pastProgram: boolean;
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        courseVersion: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                        };
                        startsOn: string | null;
                        endsOn: string | null;
                        /** @description Enrollments that are not withdrawn */
                        enrolled: number;
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                        }[];
                        /** @description The phase whose dates include now */
                        currentPhaseId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateCohort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    capacity?: number | null;
                    /** @description Only while no phase has opened; recomputes every instant */
                    timeZone?: string;
                    /** @enum {string} */
                    status?: "cancelled";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        capacity: number | null;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        /** @description Recorded after the fact: the phase clock never acts on it */
                        pastProgram: boolean;
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        courseVersion: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                        };
                        startsOn: string | null;
                        endsOn: string | null;
                        /** @description Enrollments that are not withdrawn */
                        enrolled: number;
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                        }[];
                        /** @description The phase whose dates include now */
                        currentPhaseId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setPhases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phases: {
                        /**
                         * Format: uuid
                         * @description An existing phase; omit for a new one
                         */
                        id?: string;
                        /** @enum {string} */
                        kind: "online" | "classroom" | "field";
                        name: string;
                        /** @description Local date YYYY-MM-DD, inclusive */
                        startDate: string;
                        /** @description Local date YYYY-MM-DD, inclusive */
                        endDate: string;
                        /** @default 0 */
                        requiredJp?: number;
                        venue?: string | null;
                        /** @description Online phases: days after closing for those who fell short. Default: unchanged for an existing phase, REMEDIAL_DAYS_DEFAULT (15) for a new online phase, 0 otherwise */
                        remedialDays?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        capacity: number | null;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        /** @description Recorded after the fact: the phase clock never acts on it */
                        pastProgram: boolean;
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        courseVersion: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                        };
                        startsOn: string | null;
                        endsOn: string | null;
                        /** @description Enrollments that are not withdrawn */
                        enrolled: number;
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                        }[];
                        /** @description The phase whose dates include now */
                        currentPhaseId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listEnrollments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description One box: digits are a NIP prefix (spaces, dots and dashes ignored), anything else part of the name */
                q?: string;
                /** @description The NIP starts with these digits (spaces, dots and dashes ignored) */
                nip?: string;
                /** @description Part of the name, case-insensitive */
                name?: string;
                /** @description The unit (unit kerja), case-insensitive, whole name */
                unit?: string;
                status?: "active" | "remedial" | "passed" | "failed" | "withdrawn";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cohortId: string;
                            /** @enum {string} */
                            status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                            /** Format: date-time */
                            enrolledAt: string;
                            withdrawnAt: string | null;
                            withdrawReason: string | null;
                            participant: {
                                /** Format: uuid */
                                id: string;
                                nip: string | null;
                                email: string | null;
                                name: string;
                                /** @enum {string} */
                                status: "active" | "pending" | "disabled";
                                nipKind: ("pns" | "pppk") | null;
                                category: string | null;
                                unit: string | null;
                                position: string | null;
                                rank: string | null;
                                instansi: string | null;
                            };
                            extensions: {
                                /** Format: uuid */
                                phaseId: string;
                                untilDate: string;
                                /** Format: date-time */
                                closesAt: string;
                                reason: string;
                            }[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    enrollParticipant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                } | {
                    /** @description 18 digits (PNS NIP or PPPK number); spaces, dots and dashes are ignored */
                    nip: string;
                    name: string;
                    /** Format: email */
                    email?: string;
                    position?: string;
                    unit?: string;
                    category?: string;
                    rank?: string;
                    birthPlace?: string;
                    /** Format: date */
                    birthDate?: string;
                    /** @description The participant’s employing agency (an organization code or name) */
                    instansi?: string;
                } | {
                    name: string;
                    /** Format: email */
                    email: string;
                    position?: string;
                    unit?: string;
                    category?: string;
                    rank?: string;
                    birthPlace?: string;
                    /** Format: date */
                    birthDate?: string;
                    /** @description The participant’s employing agency (an organization code or name) */
                    instansi?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            email: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "disabled";
                            nipKind: ("pns" | "pppk") | null;
                            category: string | null;
                            unit: string | null;
                            position: string | null;
                            rank: string | null;
                            instansi: string | null;
                        };
                        extensions: {
                            /** Format: uuid */
                            phaseId: string;
                            untilDate: string;
                            /** Format: date-time */
                            closesAt: string;
                            reason: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    importEnrollments: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dryRun: boolean;
                        counts: {
                            /** @description New accounts, enrolled */
                            created: number;
                            /** @description Existing accounts whose profile changed or who were newly enrolled */
                            updated: number;
                            unchanged: number;
                            failed: number;
                        };
                        failed: {
                            line: number;
                            nip: string | null;
                            reason: string;
                        }[];
                        ignoredColumns: string[];
                        /** @description Enrollments of the cohort after the import (before, for a dry run) */
                        enrolled: number;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done" | "failed";
                        total: number;
                        progressUrl: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getActivationCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            email: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "disabled";
                            nipKind: ("pns" | "pppk") | null;
                            category: string | null;
                            unit: string | null;
                            position: string | null;
                            rank: string | null;
                            instansi: string | null;
                        };
                        extensions: {
                            /** Format: uuid */
                            phaseId: string;
                            untilDate: string;
                            /** Format: date-time */
                            closesAt: string;
                            reason: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    withdrawEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            email: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "disabled";
                            nipKind: ("pns" | "pppk") | null;
                            category: string | null;
                            unit: string | null;
                            position: string | null;
                            rank: string | null;
                            instansi: string | null;
                        };
                        extensions: {
                            /** Format: uuid */
                            phaseId: string;
                            untilDate: string;
                            /** Format: date-time */
                            closesAt: string;
                            reason: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    moveEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    cohortId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            email: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "disabled";
                            nipKind: ("pns" | "pppk") | null;
                            category: string | null;
                            unit: string | null;
                            position: string | null;
                            rank: string | null;
                            instansi: string | null;
                        };
                        extensions: {
                            /** Format: uuid */
                            phaseId: string;
                            untilDate: string;
                            /** Format: date-time */
                            closesAt: string;
                            reason: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                phaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Last local day the participant may still earn credit in this phase
                     */
                    untilDate: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            email: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "disabled";
                            nipKind: ("pns" | "pppk") | null;
                            category: string | null;
                            unit: string | null;
                            position: string | null;
                            rank: string | null;
                            instansi: string | null;
                        };
                        extensions: {
                            /** Format: uuid */
                            phaseId: string;
                            untilDate: string;
                            /** Format: date-time */
                            closesAt: string;
                            reason: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    removeExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                phaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listMyEnrollments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        /** @description The organization running it */
                        organizer: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                        };
                        cohort: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            timeZone: string;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        };
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                            versionNumber: number;
                        };
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                            /**
                             * Format: date-time
                             * @description closesAt, or later with a personal extension
                             */
                            closesAtForYou: string;
                        }[];
                        currentPhaseId: string | null;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getMyEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                        /** Format: date-time */
                        enrolledAt: string;
                        /** @description The organization running it */
                        organizer: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                        };
                        cohort: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            name: string;
                            timeZone: string;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        };
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                            versionNumber: number;
                        };
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                            /**
                             * Format: date-time
                             * @description closesAt, or later with a personal extension
                             */
                            closesAtForYou: string;
                        }[];
                        currentPhaseId: string | null;
                        progress: {
                            /** Format: uuid */
                            enrollmentId: string;
                            onlineJp: number;
                            phases: {
                                /** Format: uuid */
                                phaseId: string;
                                requiredJp: number;
                                earnedJp: number;
                            }[];
                            modules: {
                                /** Format: uuid */
                                moduleId: string;
                                jp: number;
                                earnedJp: number;
                            }[];
                            lessons: {
                                /** Format: uuid */
                                lessonId: string;
                                /** @enum {string} */
                                state: "not_started" | "in_progress" | "completed";
                                creditedSeconds: number;
                                typicalSeconds: number;
                                completedAt: string | null;
                                bestScore: number | null;
                                attempts: number;
                            }[];
                        };
                        /** @description Classroom attendance and how close it is to the absence limit */
                        attendance: {
                            sessionsRecorded: number;
                            attendedJp: number;
                            absentJp: number;
                            absentDays: number;
                            /** @description Failing starts above these */
                            limit: {
                                maxJp: number;
                                maxDays: number;
                                countExcused: boolean;
                            };
                            remainingJp: number;
                            remainingDays: number;
                            overLimit: boolean;
                            sessions: {
                                /** Format: uuid */
                                sessionId: string;
                                title: string;
                                /** Format: date-time */
                                startsAt: string;
                                jp: number;
                                /** @enum {string} */
                                status: "present" | "late" | "excused" | "absent";
                                note: string | null;
                            }[];
                        };
                        modules: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            agenda: string;
                            title: string;
                            jp: number;
                            lessons: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @enum {string} */
                                kind: "video" | "reading" | "quiz" | "assignment";
                                title: string;
                                durationMinutes: number;
                                required: boolean;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    scheduleCohort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    missed?: "apply" | "past-program";
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        capacity: number | null;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        /** @description Recorded after the fact: the phase clock never acts on it */
                        pastProgram: boolean;
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        courseVersion: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                        };
                        startsOn: string | null;
                        endsOn: string | null;
                        /** @description Enrollments that are not withdrawn */
                        enrolled: number;
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                        }[];
                        /** @description The phase whose dates include now */
                        currentPhaseId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    unscheduleCohort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        code: string;
                        name: string;
                        timeZone: string;
                        capacity: number | null;
                        /** @enum {string} */
                        status: "draft" | "scheduled" | "running" | "completed" | "cancelled";
                        /** @description Recorded after the fact: the phase clock never acts on it */
                        pastProgram: boolean;
                        course: {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                        };
                        courseVersion: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            label: string | null;
                        };
                        startsOn: string | null;
                        endsOn: string | null;
                        /** @description Enrollments that are not withdrawn */
                        enrolled: number;
                        phases: {
                            /** Format: uuid */
                            id: string;
                            position: number;
                            /** @enum {string} */
                            kind: "online" | "classroom" | "field";
                            name: string;
                            startDate: string;
                            endDate: string;
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            requiredJp: number;
                            venue: string | null;
                            remedialDays: number;
                            /** @enum {string} */
                            state: "pending" | "open" | "closed";
                            scheduleVersion: number;
                            /** @description 1, then one more for each reopening */
                            round: number;
                        }[];
                        /** @description The phase whose dates include now */
                        currentPhaseId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done" | "failed";
                        total: number;
                        processed: number;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    reportProgress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    enrollmentId: string;
                    events: {
                        /** @description Unique per enrollment, made by the client: resending it changes nothing */
                        clientEventId: string;
                        /** @enum {string} */
                        type: "heartbeat" | "lesson_completed";
                        /** Format: uuid */
                        lessonId: string;
                        /** Format: date-time */
                        occurredAt: string;
                        /**
                         * @description Heartbeat: active seconds since the previous heartbeat
                         * @default 0
                         */
                        activeSeconds?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One per event, in the order sent */
                        results: ({
                            clientEventId: string;
                            /** @enum {string} */
                            status: "accepted";
                            creditedSeconds: number;
                            lessonCompleted: boolean;
                        } | {
                            clientEventId: string;
                            /** @enum {string} */
                            status: "duplicate";
                        } | {
                            clientEventId: string;
                            /** @enum {string} */
                            status: "rejected";
                            /** @enum {string} */
                            code: "NOT_ENROLLED" | "LESSON_NOT_IN_COURSE" | "IMPLAUSIBLE" | "PHASE_NOT_OPEN" | "PHASE_CLOSED" | "BEFORE_ENROLLMENT" | "TOO_OLD" | "MANUAL_COMPLETION_NOT_ALLOWED";
                            message: string;
                        })[];
                        /** @description Seconds credited by this batch */
                        creditedSeconds: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    submitQuizAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    enrollmentId: string;
                    answers: {
                        /** Format: uuid */
                        questionId: string;
                        selected: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptNo: number;
                        score: number;
                        passed: boolean;
                        passScore: number;
                        bestScore: number;
                        attemptsLeft: number;
                        lessonCompleted: boolean;
                        questions: {
                            /** Format: uuid */
                            questionId: string;
                            correct: boolean;
                            correctAnswers?: string[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getMyAnnualJp: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                        year: number;
                        /**
                         * @description all: every organizer (the person, their home organization, platform admins); own: this organization’s programs only
                         * @enum {string}
                         */
                        scope: "all" | "own";
                        nipKind: ("pns" | "pppk") | null;
                        /** @description The home organization’s zone; entries count in the year of their local date, where the learning happened */
                        timeZone: string;
                        /** @description The home organization’s yearly target for a PNS or a PPPK */
                        targetJp: number;
                        totalJp: number;
                        remainingJp: number;
                        programs: {
                            /** Format: uuid */
                            enrollmentId: string;
                            organizer: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                name: string;
                            };
                            cohort: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                name: string;
                            };
                            course: {
                                code: string;
                                title: string;
                            };
                            jp: number;
                        }[];
                        external: {
                            id: number;
                            title: string;
                            organizer: string;
                            startDate: string;
                            endDate: string;
                            jp: number;
                        }[];
                        adjustmentsJp: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getUserAnnualJp: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                        year: number;
                        /**
                         * @description all: every organizer (the person, their home organization, platform admins); own: this organization’s programs only
                         * @enum {string}
                         */
                        scope: "all" | "own";
                        nipKind: ("pns" | "pppk") | null;
                        /** @description The home organization’s zone; entries count in the year of their local date, where the learning happened */
                        timeZone: string;
                        /** @description The home organization’s yearly target for a PNS or a PPPK */
                        targetJp: number;
                        totalJp: number;
                        remainingJp: number;
                        programs: {
                            /** Format: uuid */
                            enrollmentId: string;
                            organizer: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                name: string;
                            };
                            cohort: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                name: string;
                            };
                            course: {
                                code: string;
                                title: string;
                            };
                            jp: number;
                        }[];
                        external: {
                            id: number;
                            title: string;
                            organizer: string;
                            startDate: string;
                            endDate: string;
                            jp: number;
                        }[];
                        adjustmentsJp: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getUserTrainingHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                        /**
                         * @description all: every organizer (the home organization and platform admins); own: this organization’s programs
                         * @enum {string}
                         */
                        scope: "all" | "own";
                        items: {
                            /** Format: uuid */
                            enrollmentId: string;
                            organizer: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                name: string;
                            };
                            program: {
                                code: string;
                                title: string;
                            };
                            cohort: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                name: string;
                            };
                            startDate: string | null;
                            endDate: string | null;
                            status: string;
                            jp: number;
                            result: {
                                finalScore: number | null;
                                predikat: string | null;
                            } | null;
                            certificateNumber: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addExternalTraining: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    organizer: string;
                    /** Format: date */
                    startDate: string;
                    /** Format: date */
                    endDate: string;
                    jp: number;
                    certificateNumber?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        title: string;
                        organizer: string;
                        /** Format: date */
                        startDate: string;
                        /** Format: date */
                        endDate: string;
                        jp: number;
                        certificateNumber?: string;
                        id: number;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    adjustJp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    jp: number;
                    reason: string;
                    /** Format: uuid */
                    phaseId?: string;
                    /**
                     * Format: date
                     * @description The local day the JP were earned, within the program’s dates (default: today); the year follows it
                     */
                    date?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** Format: uuid */
                        enrollmentId: string;
                        jp: number;
                        reason: string;
                        phaseId: string | null;
                        /** @description The local day the JP count for */
                        date: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCohortProgress: {
        parameters: {
            query?: {
                /** @description Page size for JSON (default 50); a CSV holds every match */
                limit?: number;
                cursor?: string;
                /** @description One box: digits are a NIP prefix (spaces, dots and dashes ignored), anything else part of the name */
                q?: string;
                /** @description The NIP starts with these digits (spaces, dots and dashes ignored) */
                nip?: string;
                /** @description Part of the name, case-insensitive */
                name?: string;
                /** @description The unit (unit kerja), case-insensitive, whole name */
                unit?: string;
                pace?: "on_track" | "behind" | "inactive" | "not_started" | "finished" | "withdrawn";
                status?: "active" | "remedial" | "passed" | "failed" | "withdrawn";
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: date-time */
                        asOf: string;
                        items: {
                            /** Format: uuid */
                            enrollmentId: string;
                            status: string;
                            participant: {
                                /** Format: uuid */
                                id: string;
                                nip: string | null;
                                name: string;
                                category: string | null;
                                unit: string | null;
                            };
                            onlineJp: number;
                            requiredJp: number;
                            completedLessons: number;
                            requiredLessons: number;
                            lastActivityAt: string | null;
                            /** @enum {string} */
                            pace: "on_track" | "behind" | "inactive" | "not_started" | "finished" | "withdrawn";
                        }[];
                        nextCursor: string | null;
                    } | string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    transitionPhase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                phaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "open" | "close" | "reopen";
                    reason: string;
                    /** @description reopen: the new last day, YYYY-MM-DD */
                    endDate?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        phaseId: string;
                        phaseName: string;
                        /** @enum {string} */
                        kind: "open" | "close" | "reopen" | "remedial_end";
                        /** @enum {string} */
                        trigger: "schedule" | "catch-up" | "manual";
                        scheduleVersion: number;
                        /** @description 1, then one more for each reopening */
                        round: number;
                        scheduledAt: string | null;
                        /** Format: date-time */
                        appliedAt: string;
                        /** @description appliedAt − scheduledAt */
                        lagSeconds: number | null;
                        actorId: string | null;
                        reason: string | null;
                        details: {
                            [key: string]: unknown;
                        };
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCohortTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        phaseId: string;
                        phaseName: string;
                        /** @enum {string} */
                        kind: "open" | "close" | "reopen" | "remedial_end";
                        /** @enum {string} */
                        trigger: "schedule" | "catch-up" | "manual";
                        scheduleVersion: number;
                        /** @description 1, then one more for each reopening */
                        round: number;
                        scheduledAt: string | null;
                        /** Format: date-time */
                        appliedAt: string;
                        /** @description appliedAt − scheduledAt */
                        lagSeconds: number | null;
                        actorId: string | null;
                        reason: string | null;
                        details: {
                            [key: string]: unknown;
                        };
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        phaseId: string;
                        /** Format: uuid */
                        cohortId: string;
                        title: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        /** @description The session's date in the cohort's time zone */
                        localDate: string;
                        timeZone: string;
                        jp: number;
                        venue: string | null;
                        instructors: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset, e.g. 2024-11-12T08:00:00+07:00
                     */
                    startsAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset, e.g. 2024-11-12T08:00:00+07:00
                     */
                    endsAt: string;
                    jp: number;
                    /** @description Default: the phase's venue */
                    venue?: string | null;
                    /**
                     * @description Users with the instructor role
                     * @default []
                     */
                    instructorIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        phaseId: string;
                        /** Format: uuid */
                        cohortId: string;
                        title: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        /** @description The session's date in the cohort's time zone */
                        localDate: string;
                        timeZone: string;
                        jp: number;
                        venue: string | null;
                        instructors: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        phaseId: string;
                        /** Format: uuid */
                        cohortId: string;
                        title: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        /** @description The session's date in the cohort's time zone */
                        localDate: string;
                        timeZone: string;
                        jp: number;
                        venue: string | null;
                        instructors: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    updateSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset, e.g. 2024-11-12T08:00:00+07:00
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset, e.g. 2024-11-12T08:00:00+07:00
                     */
                    endsAt?: string;
                    jp?: number;
                    venue?: string | null;
                    /** @description Replaces the list */
                    instructorIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        phaseId: string;
                        /** Format: uuid */
                        cohortId: string;
                        title: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        /** @description The session's date in the cohort's time zone */
                        localDate: string;
                        timeZone: string;
                        jp: number;
                        venue: string | null;
                        instructors: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getSessionAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            phaseId: string;
                            /** Format: uuid */
                            cohortId: string;
                            title: string;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            /** @description The session's date in the cohort's time zone */
                            localDate: string;
                            timeZone: string;
                            jp: number;
                            venue: string | null;
                            instructors: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                        records: {
                            /** Format: uuid */
                            enrollmentId: string;
                            nip: string | null;
                            name: string;
                            status: ("present" | "late" | "excused" | "absent") | null;
                            note: string | null;
                            recordedAt: string | null;
                            recordedBy: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    recordAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    records: {
                        /** Format: uuid */
                        enrollmentId?: string;
                        /** @description 18 digits (PNS NIP or PPPK number); spaces, dots and dashes are ignored */
                        nip?: string;
                        /** @enum {string} */
                        status: "present" | "late" | "excused" | "absent";
                        note?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        created: number;
                        updated: number;
                        unchanged: number;
                        tally: {
                            present: number;
                            late: number;
                            excused: number;
                            absent: number;
                            unrecorded: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getEnrollmentAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionsRecorded: number;
                        attendedJp: number;
                        absentJp: number;
                        absentDays: number;
                        /** @description Failing starts above these */
                        limit: {
                            maxJp: number;
                            maxDays: number;
                            countExcused: boolean;
                        };
                        remainingJp: number;
                        remainingDays: number;
                        overLimit: boolean;
                        sessions: {
                            /** Format: uuid */
                            sessionId: string;
                            title: string;
                            /** Format: date-time */
                            startsAt: string;
                            jp: number;
                            /** @enum {string} */
                            status: "present" | "late" | "excused" | "absent";
                            note: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAssessmentScheme: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        components: {
                            code: string;
                            name: string;
                            weight: number;
                            /**
                             * @description quiz: the average of the online post-tests; manual: scored by instructors
                             * @enum {string}
                             */
                            source: "quiz" | "manual";
                        }[];
                        passMark: number;
                        bands: {
                            label: string;
                            /** @description Lowest final score earning this label */
                            minScore: number;
                        }[];
                        absence: {
                            maxJp: number;
                            maxDays: number;
                            countExcused: boolean;
                        };
                        requireOnlineJp: boolean;
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: date-time */
                        updatedAt: string;
                        updatedBy: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    setAssessmentScheme: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Weights must sum to 100 */
                    components: {
                        code: string;
                        name: string;
                        weight: number;
                        /**
                         * @description quiz: the average of the online post-tests; manual: scored by instructors
                         * @enum {string}
                         */
                        source: "quiz" | "manual";
                    }[];
                    /** @description Default PASS_MARK (70.01) */
                    passMark?: number;
                    /** @description Default: the five predikat, the lowest passing one starting at the pass mark. Given bands must have one starting at the pass mark */
                    bands?: {
                        label: string;
                        /** @description Lowest final score earning this label */
                        minScore: number;
                    }[];
                    /** @description Default ABSENCE_MAX_JP / ABSENCE_MAX_DAYS */
                    absence?: {
                        /** @description Failing starts above this many absent JP */
                        maxJp?: number;
                        /** @description …or above this many absent days */
                        maxDays?: number;
                        /** @description Whether excused absences count (default true) */
                        countExcused?: boolean;
                    };
                    /**
                     * @description Fail those short of JP in any online phase
                     * @default true
                     */
                    requireOnlineJp?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        components: {
                            code: string;
                            name: string;
                            weight: number;
                            /**
                             * @description quiz: the average of the online post-tests; manual: scored by instructors
                             * @enum {string}
                             */
                            source: "quiz" | "manual";
                        }[];
                        passMark: number;
                        bands: {
                            label: string;
                            /** @description Lowest final score earning this label */
                            minScore: number;
                        }[];
                        absence: {
                            maxJp: number;
                            maxDays: number;
                            countExcused: boolean;
                        };
                        requireOnlineJp: boolean;
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: date-time */
                        updatedAt: string;
                        updatedBy: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setScore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                component: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    score: number;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        enrollmentId: string;
                        component: string;
                        score: number;
                        note: string | null;
                        scoredBy: string | null;
                        /** Format: date-time */
                        scoredAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setScores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                component: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scores: {
                        /** @description 18 digits (PNS NIP or PPPK number); spaces, dots and dashes are ignored */
                        nip: string;
                        score: number;
                        note?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        component: string;
                        recorded: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getScores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        enrollmentId: string;
                        component: string;
                        score: number;
                        note: string | null;
                        scoredBy: string | null;
                        /** Format: date-time */
                        scoredAt: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getResults: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        version: number;
                        /** @description Computed after every phase closed: sets passed/failed and backs certificates; otherwise a preview */
                        final: boolean;
                        scheme: {
                            version: number;
                            components: {
                                code: string;
                                name: string;
                                weight: number;
                                /**
                                 * @description quiz: the average of the online post-tests; manual: scored by instructors
                                 * @enum {string}
                                 */
                                source: "quiz" | "manual";
                            }[];
                            passMark: number;
                            bands: {
                                label: string;
                                /** @description Lowest final score earning this label */
                                minScore: number;
                            }[];
                            absence: {
                                maxJp: number;
                                maxDays: number;
                                countExcused: boolean;
                            };
                            requireOnlineJp: boolean;
                        };
                        summary: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        computedAt: string;
                        computedBy: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    computeResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        version: number;
                        /** @description Computed after every phase closed: sets passed/failed and backs certificates; otherwise a preview */
                        final: boolean;
                        scheme: {
                            version: number;
                            components: {
                                code: string;
                                name: string;
                                weight: number;
                                /**
                                 * @description quiz: the average of the online post-tests; manual: scored by instructors
                                 * @enum {string}
                                 */
                                source: "quiz" | "manual";
                            }[];
                            passMark: number;
                            bands: {
                                label: string;
                                /** @description Lowest final score earning this label */
                                minScore: number;
                            }[];
                            absence: {
                                maxJp: number;
                                maxDays: number;
                                countExcused: boolean;
                            };
                            requireOnlineJp: boolean;
                        };
                        summary: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        computedAt: string;
                        computedBy: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        enrollmentId: string;
                        version: number;
                        final: boolean;
                        /** Format: date-time */
                        computedAt: string;
                        components: {
                            [key: string]: number | null;
                        };
                        finalScore: number;
                        predikat: string;
                        passed: boolean;
                        reasons: string[];
                        onlineJp: number;
                        classroomJp: number;
                        absentJp: number;
                        absentDays: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listCertificates: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            /** @description Public verification code */
                            code: string;
                            /** Format: uuid */
                            enrollmentId: string;
                            /** Format: uuid */
                            cohortId: string;
                            fields: {
                                name: string;
                                nip: string | null;
                                birthPlace: string | null;
                                birthDate: string | null;
                                rank: string | null;
                                position: string | null;
                                instansi: string;
                                program: string;
                                cohortCode: string;
                                cohortName: string;
                                startDate: string | null;
                                endDate: string | null;
                                venue: string | null;
                                predikat: string;
                                finalScore: number;
                                /** @description Local date of issue in the cohort's time zone */
                                issuedOn: string;
                                totalJp?: number;
                                place?: string | null;
                                signatories?: {
                                    /** @description Jabatan */
                                    position: string;
                                    name: string;
                                    nip: string | null;
                                    /** @description Pangkat/golongan */
                                    rank: string | null;
                                }[];
                                transcript?: {
                                    subjects: {
                                        agenda: string;
                                        title: string;
                                        jp: number;
                                    }[];
                                    onlineJp: number;
                                    classroomJp: number;
                                    fieldJp: number;
                                    attendance: {
                                        present: number;
                                        late: number;
                                        excused: number;
                                        absent: number;
                                    };
                                };
                            };
                            /** Format: date-time */
                            issuedAt: string;
                            revokedAt: string | null;
                            revokeReason: string | null;
                            revokeCategory: ("data_correction" | "result_changed" | "issued_in_error" | "misconduct" | "other") | null;
                            /** @description Set when this revoked certificate was reissued */
                            replacedById: string | null;
                            /** @description Whether the PDF carries an electronic signature */
                            signed: boolean;
                            pdfUrl: string;
                            /** @description The Open Badges 3.0 credential (VC-JWT) */
                            badgeUrl: string;
                            verifyUrl: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    issueCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        jobId: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "done" | "failed";
                        total: number;
                        progressUrl: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listMyCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @description Public verification code */
                        code: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        cohortId: string;
                        fields: {
                            name: string;
                            nip: string | null;
                            birthPlace: string | null;
                            birthDate: string | null;
                            rank: string | null;
                            position: string | null;
                            instansi: string;
                            program: string;
                            cohortCode: string;
                            cohortName: string;
                            startDate: string | null;
                            endDate: string | null;
                            venue: string | null;
                            predikat: string;
                            finalScore: number;
                            /** @description Local date of issue in the cohort's time zone */
                            issuedOn: string;
                            totalJp?: number;
                            place?: string | null;
                            signatories?: {
                                /** @description Jabatan */
                                position: string;
                                name: string;
                                nip: string | null;
                                /** @description Pangkat/golongan */
                                rank: string | null;
                            }[];
                            transcript?: {
                                subjects: {
                                    agenda: string;
                                    title: string;
                                    jp: number;
                                }[];
                                onlineJp: number;
                                classroomJp: number;
                                fieldJp: number;
                                attendance: {
                                    present: number;
                                    late: number;
                                    excused: number;
                                    absent: number;
                                };
                            };
                        };
                        /** Format: date-time */
                        issuedAt: string;
                        revokedAt: string | null;
                        revokeReason: string | null;
                        revokeCategory: ("data_correction" | "result_changed" | "issued_in_error" | "misconduct" | "other") | null;
                        /** @description Set when this revoked certificate was reissued */
                        replacedById: string | null;
                        /** @description Whether the PDF carries an electronic signature */
                        signed: boolean;
                        pdfUrl: string;
                        /** @description The Open Badges 3.0 credential (VC-JWT) */
                        badgeUrl: string;
                        verifyUrl: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCertificatePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    verifyCertificate: {
        parameters: {
            query?: {
                lang?: "id" | "en";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "valid" | "revoked" | "replaced";
                        number: string;
                        name: string;
                        /** @description Masked: only the last four digits */
                        nip: string | null;
                        program: string;
                        organizer: string;
                        cohort: string;
                        startDate: string | null;
                        endDate: string | null;
                        totalJp: number | null;
                        predikat: string;
                        date: string;
                        signatories: {
                            position: string;
                            name: string;
                        }[];
                        signed: boolean;
                        revokedAt: string | null;
                        revokeCategory: string | null;
                        replacedBy: {
                            code: string;
                            verifyUrl: string;
                        } | null;
                    };
                    "text/html": {
                        /** @enum {string} */
                        status: "valid" | "revoked" | "replaced";
                        number: string;
                        name: string;
                        /** @description Masked: only the last four digits */
                        nip: string | null;
                        program: string;
                        organizer: string;
                        cohort: string;
                        startDate: string | null;
                        endDate: string | null;
                        totalJp: number | null;
                        predikat: string;
                        date: string;
                        signatories: {
                            position: string;
                            name: string;
                        }[];
                        signed: boolean;
                        revokedAt: string | null;
                        revokeCategory: string | null;
                        replacedBy: {
                            code: string;
                            verifyUrl: string;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCertificateBadge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getBadgeIssuer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        type: string[];
                        name: string;
                        url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    getBadgeStatusList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    revokeCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /**
                     * @default other
                     * @enum {string}
                     */
                    category?: "data_correction" | "result_changed" | "issued_in_error" | "misconduct" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @description Public verification code */
                        code: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        cohortId: string;
                        fields: {
                            name: string;
                            nip: string | null;
                            birthPlace: string | null;
                            birthDate: string | null;
                            rank: string | null;
                            position: string | null;
                            instansi: string;
                            program: string;
                            cohortCode: string;
                            cohortName: string;
                            startDate: string | null;
                            endDate: string | null;
                            venue: string | null;
                            predikat: string;
                            finalScore: number;
                            /** @description Local date of issue in the cohort's time zone */
                            issuedOn: string;
                            totalJp?: number;
                            place?: string | null;
                            signatories?: {
                                /** @description Jabatan */
                                position: string;
                                name: string;
                                nip: string | null;
                                /** @description Pangkat/golongan */
                                rank: string | null;
                            }[];
                            transcript?: {
                                subjects: {
                                    agenda: string;
                                    title: string;
                                    jp: number;
                                }[];
                                onlineJp: number;
                                classroomJp: number;
                                fieldJp: number;
                                attendance: {
                                    present: number;
                                    late: number;
                                    excused: number;
                                    absent: number;
                                };
                            };
                        };
                        /** Format: date-time */
                        issuedAt: string;
                        revokedAt: string | null;
                        revokeReason: string | null;
                        revokeCategory: ("data_correction" | "result_changed" | "issued_in_error" | "misconduct" | "other") | null;
                        /** @description Set when this revoked certificate was reissued */
                        replacedById: string | null;
                        /** @description Whether the PDF carries an electronic signature */
                        signed: boolean;
                        pdfUrl: string;
                        /** @description The Open Badges 3.0 credential (VC-JWT) */
                        badgeUrl: string;
                        verifyUrl: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    reissueCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @description Public verification code */
                        code: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        cohortId: string;
                        fields: {
                            name: string;
                            nip: string | null;
                            birthPlace: string | null;
                            birthDate: string | null;
                            rank: string | null;
                            position: string | null;
                            instansi: string;
                            program: string;
                            cohortCode: string;
                            cohortName: string;
                            startDate: string | null;
                            endDate: string | null;
                            venue: string | null;
                            predikat: string;
                            finalScore: number;
                            /** @description Local date of issue in the cohort's time zone */
                            issuedOn: string;
                            totalJp?: number;
                            place?: string | null;
                            signatories?: {
                                /** @description Jabatan */
                                position: string;
                                name: string;
                                nip: string | null;
                                /** @description Pangkat/golongan */
                                rank: string | null;
                            }[];
                            transcript?: {
                                subjects: {
                                    agenda: string;
                                    title: string;
                                    jp: number;
                                }[];
                                onlineJp: number;
                                classroomJp: number;
                                fieldJp: number;
                                attendance: {
                                    present: number;
                                    late: number;
                                    excused: number;
                                    absent: number;
                                };
                            };
                        };
                        /** Format: date-time */
                        issuedAt: string;
                        revokedAt: string | null;
                        revokeReason: string | null;
                        revokeCategory: ("data_correction" | "result_changed" | "issued_in_error" | "misconduct" | "other") | null;
                        /** @description Set when this revoked certificate was reissued */
                        replacedById: string | null;
                        /** @description Whether the PDF carries an electronic signature */
                        signed: boolean;
                        pdfUrl: string;
                        /** @description The Open Badges 3.0 credential (VC-JWT) */
                        badgeUrl: string;
                        verifyUrl: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCertificateLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    setCertificateLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contentType: string;
                        bytes: number;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setOrganizationSignatories: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place of issue, e.g. "Jambi" */
                    place: string | null;
                    signatories: {
                        /** @description Jabatan */
                        position: string;
                        name: string;
                        nip: string | null;
                        /** @description Pangkat/golongan */
                        rank: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        scope: "organization" | "cohort";
                        place: string | null;
                        signatories: {
                            /** @description Jabatan */
                            position: string;
                            name: string;
                            nip: string | null;
                            /** @description Pangkat/golongan */
                            rank: string | null;
                        }[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setCohortSignatories: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place of issue, e.g. "Jambi" */
                    place: string | null;
                    signatories: {
                        /** @description Jabatan */
                        position: string;
                        name: string;
                        nip: string | null;
                        /** @description Pangkat/golongan */
                        rank: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        scope: "organization" | "cohort";
                        place: string | null;
                        signatories: {
                            /** @description Jabatan */
                            position: string;
                            name: string;
                            nip: string | null;
                            /** @description Pangkat/golongan */
                            rank: string | null;
                        }[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCertificateSigning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        configured: boolean;
                        kind: ("pkcs12" | "gateway") | null;
                        signerId: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    stopCertificateSigning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setPkcs12Signing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        configured: boolean;
                        kind: ("pkcs12" | "gateway") | null;
                        signerId: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    setGatewaySigning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    signerId: string;
                    passphrase: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        configured: boolean;
                        kind: ("pkcs12" | "gateway") | null;
                        signerId: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getCohortReport: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAnnualJpReport: {
        parameters: {
            query?: {
                /** @description For platform administrators: the home organization */
                orgId?: string;
                /** @description Default: this year in the organization’s time zone */
                year?: number;
                /** @description Only this unit (unit kerja), case-insensitive */
                unit?: string;
                /** @description Only this category, e.g. guru */
                category?: string;
                /** @description Only the staff below their target */
                below?: "true" | "false";
                /** @description staff: one row per person; units: totals per unit */
                view?: "staff" | "units";
                format?: "json" | "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        url: string;
                        eventTypes: string[];
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    orgId?: string;
                    /** Format: uri */
                    url: string;
                    /**
                     * @description Empty: every event
                     * @default []
                     */
                    eventTypes?: ("phase.opened" | "phase.closed" | "phase.reopened" | "phase.remedial_ended" | "enrollment.remedial" | "enrollment.remedial_met" | "enrollment.remedial_short" | "enrollment.behind_pace" | "submission.created" | "submission.reviewed")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        orgId: string;
                        url: string;
                        eventTypes: string[];
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        eventId: number;
                        eventType: string;
                        /** @enum {string} */
                        status: "pending" | "delivered" | "failed";
                        attempts: number;
                        lastStatusCode: number | null;
                        /** @description Coarse outcome of the last failed attempt: HTTP_ERROR, UNREACHABLE or TARGET_NOT_ALLOWED */
                        lastError: string | null;
                        deliveredAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listLessonSubmissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        lessonId: string;
                        /** @description 1 for the first hand-in, then one more for each hand-in after a return */
                        version: number;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            name: string;
                        };
                        /** @enum {string} */
                        kind: "file" | "text";
                        text: string | null;
                        file: {
                            name: string;
                            /** @description Recognized from the content */
                            mediaType: string;
                            size: number;
                            sha256: string;
                            /** @description Download: GET, with the same authorization */
                            url: string;
                        } | null;
                        /** @enum {string} */
                        status: "submitted" | "accepted" | "returned";
                        /** Format: date-time */
                        submittedAt: string;
                        reviewedAt: string | null;
                        reviewedBy: string | null;
                        reviewComment: string | null;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    submitWork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lessonId: string;
            };
            cookie?: never;
        };
        /** @description For a text hand-in. A file is sent as multipart/form-data with one file field instead. */
        requestBody: {
            content: {
                "multipart/form-data": {
                    text: string;
                } | null;
                "application/json": {
                    text: string;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        lessonId: string;
                        /** @description 1 for the first hand-in, then one more for each hand-in after a return */
                        version: number;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            name: string;
                        };
                        /** @enum {string} */
                        kind: "file" | "text";
                        text: string | null;
                        file: {
                            name: string;
                            /** @description Recognized from the content */
                            mediaType: string;
                            size: number;
                            sha256: string;
                            /** @description Download: GET, with the same authorization */
                            url: string;
                        } | null;
                        /** @enum {string} */
                        status: "submitted" | "accepted" | "returned";
                        /** Format: date-time */
                        submittedAt: string;
                        reviewedAt: string | null;
                        reviewedBy: string | null;
                        reviewComment: string | null;
                        /** @description Whether the lesson is complete now (on submission, per its setting) */
                        lessonCompleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        lessonId: string;
                        /** @description 1 for the first hand-in, then one more for each hand-in after a return */
                        version: number;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            name: string;
                        };
                        /** @enum {string} */
                        kind: "file" | "text";
                        text: string | null;
                        file: {
                            name: string;
                            /** @description Recognized from the content */
                            mediaType: string;
                            size: number;
                            sha256: string;
                            /** @description Download: GET, with the same authorization */
                            url: string;
                        } | null;
                        /** @enum {string} */
                        status: "submitted" | "accepted" | "returned";
                        /** Format: date-time */
                        submittedAt: string;
                        reviewedAt: string | null;
                        reviewedBy: string | null;
                        reviewComment: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    downloadSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    reviewSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "accept";
                    comment?: string;
                } | {
                    /** @enum {string} */
                    decision: "return";
                    /** @description What to change: the participant may hand in again */
                    comment: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        cohortId: string;
                        /** Format: uuid */
                        enrollmentId: string;
                        /** Format: uuid */
                        lessonId: string;
                        /** @description 1 for the first hand-in, then one more for each hand-in after a return */
                        version: number;
                        participant: {
                            /** Format: uuid */
                            id: string;
                            nip: string | null;
                            name: string;
                        };
                        /** @enum {string} */
                        kind: "file" | "text";
                        text: string | null;
                        file: {
                            name: string;
                            /** @description Recognized from the content */
                            mediaType: string;
                            size: number;
                            sha256: string;
                            /** @description Download: GET, with the same authorization */
                            url: string;
                        } | null;
                        /** @enum {string} */
                        status: "submitted" | "accepted" | "returned";
                        /** Format: date-time */
                        submittedAt: string;
                        reviewedAt: string | null;
                        reviewedBy: string | null;
                        reviewComment: string | null;
                        /** @description Whether the lesson is complete now (on acceptance, per its setting) */
                        lessonCompleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listCohortSubmissions: {
        parameters: {
            query?: {
                status?: "submitted" | "accepted" | "returned";
                lessonId?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cohortId: string;
                            /** Format: uuid */
                            enrollmentId: string;
                            /** Format: uuid */
                            lessonId: string;
                            /** @description 1 for the first hand-in, then one more for each hand-in after a return */
                            version: number;
                            participant: {
                                /** Format: uuid */
                                id: string;
                                nip: string | null;
                                name: string;
                            };
                            /** @enum {string} */
                            kind: "file" | "text";
                            text: string | null;
                            file: {
                                name: string;
                                /** @description Recognized from the content */
                                mediaType: string;
                                size: number;
                                sha256: string;
                                /** @description Download: GET, with the same authorization */
                                url: string;
                            } | null;
                            /** @enum {string} */
                            status: "submitted" | "accepted" | "returned";
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedAt: string | null;
                            reviewedBy: string | null;
                            reviewComment: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
