import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { Cohort } from '../../db/schema.js';
import type { Enqueue } from '../../deps.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ValidationError } from '../../http/errors.js';
import { DEFAULT_LANG, isLang, msg, problemText, type Lang } from '../../i18n/index.js';
import type { cohortAuditor } from '../audit/record.js';
import type { DirectoryService } from '../identity/directory-service.js';
import { personIdsByKey, recordKey, syncParticipants, type ParticipantRecord } from '../identity/people.js';
import type { JobsService } from '../jobs/service.js';
import { queueInvitations } from '../mail/outbox.js';
import { assertEnrollable } from './lifecycle.js';
import * as repo from './repo.js';
import {
  failuresIn,
  parseRoster,
  RosterFileError,
  type RosterFailure,
  type RosterFormat,
  type RosterRow,
} from './roster.js';

export interface RosterSummary {
  dryRun: boolean;
  counts: { created: number; updated: number; unchanged: number; failed: number };
  /** Each failed row with its reason, in the language of whoever asked for the import. */
  failed: ReturnType<typeof failuresIn>;
  ignoredColumns: string[];
  enrolled: number;
}

// Large imports commit in chunks, so their progress shows and a retry resumes cheaply.
const IMPORT_CHUNK_ROWS = 500;

/** Thrown inside a transaction to roll it back while keeping what it computed. */
class DryRunRollback<T> extends Error {
  constructor(public readonly value: T) {
    super('dry run');
  }
}

export interface RosterImportDeps {
  db: Db;
  clock: Clock;
  directory: DirectoryService;
  jobs: JobsService;
  enqueue: Enqueue;
  settings: { importSyncMaxRows: number; activationCodeTtlDays: number };
  audit: ReturnType<typeof cohortAuditor>;
  /** The cohort the caller may see (404 otherwise), optionally locked. */
  cohortOr404: (tx: DbExecutor, actor: Actor, id: string, lock?: boolean) => Promise<Cohort>;
}

/**
 * Enrolling participants from a roster: one row (an admin adding a person), a file applied in the
 * request, or a large file as a background job committed in chunks.
 */
export function createRosterImport({
  db,
  clock,
  directory,
  jobs,
  enqueue,
  settings,
  audit,
  cohortOr404,
}: RosterImportDeps) {
  /**
   * Enrolls roster rows into a locked cohort in a few set-based statements: persons linked or
   * created by NIP (or email, for participants without one), enrollments added with the profile the
   * organizer gave for this training, capacity respected in file order. Idempotent: the same rows
   * again change nothing.
   */
  async function applyRoster(tx: DbExecutor, cohort: Cohort, rows: RosterRow[]) {
    assertEnrollable(cohort);
    const now = clock.now();
    const failed: RosterFailure[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };

    const knownIds = await personIdsByKey(tx, rows);
    const already = await repo.enrollmentsOfUsers(tx, cohort.id, [...knownIds.values()]);
    const enrolledUsers = new Set(already.map((e) => e.userId));
    let room =
      cohort.capacity === null
        ? Infinity
        : cohort.capacity - ((await repo.enrolledCounts(tx, [cohort.id])).get(cohort.id) ?? 0);

    const accepted: RosterRow[] = [];
    for (const row of rows) {
      const userId = knownIds.get(recordKey(row));
      if (!(userId && enrolledUsers.has(userId))) {
        if (room <= 0) {
          failed.push({
            line: row.line,
            nip: row.nip ?? null,
            reason: msg('roster.cohortFull', { capacity: cohort.capacity ?? 0 }),
          });
          continue;
        }
        room -= 1;
      }
      accepted.push(row);
    }

    const records: ParticipantRecord[] = accepted.map(({ line: _line, ...record }) => record);
    const outcomes = await syncParticipants(tx, cohort.orgId, records, now);
    const profiles = new Map<string, RosterRow>();
    for (const row of accepted) {
      const outcome = outcomes.get(recordKey(row))!;
      if (!outcome.ok) {
        failed.push({ line: row.line, nip: row.nip ?? null, reason: outcome.reason });
        continue;
      }
      profiles.set(outcome.userId, row);
      const newlyEnrolled = !enrolledUsers.has(outcome.userId);
      if (outcome.outcome === 'created') counts.created += 1;
      else if (outcome.outcome === 'updated' || newlyEnrolled) counts.updated += 1;
      else counts.unchanged += 1;
    }
    const toEnroll = [...profiles.keys()].filter((id) => !enrolledUsers.has(id));
    await repo.insertEnrollments(tx, cohort.id, toEnroll, now);
    // Newly enrolled persons still without a password get an activation link by mail.
    await queueInvitations(
      tx,
      { orgId: cohort.orgId, userIds: toEnroll, ttlDays: settings.activationCodeTtlDays, cohortName: cohort.name },
      now,
    );
    await repo.recordTrainingProfiles(
      tx,
      cohort.id,
      [...profiles].map(([userId, row]) => ({
        userId,
        rank: row.rank,
        position: row.position,
        unit: row.unit,
        category: row.category,
        instansi: row.instansi,
      })),
    );
    counts.failed = failed.length;
    return { counts, failed, enrolledIds: toEnroll };
  }

  function summarize(
    lang: Lang,
    dryRun: boolean,
    parsedFailures: RosterFailure[],
    ignoredColumns: string[],
    parts: Array<Awaited<ReturnType<typeof applyRoster>>>,
    enrolled: number,
  ): RosterSummary {
    const counts = { created: 0, updated: 0, unchanged: 0, failed: parsedFailures.length };
    const failed = [...parsedFailures];
    for (const part of parts) {
      counts.created += part.counts.created;
      counts.updated += part.counts.updated;
      counts.unchanged += part.counts.unchanged;
      counts.failed += part.counts.failed;
      failed.push(...part.failed);
    }
    failed.sort((a, b) => a.line - b.line);
    return { dryRun, counts, failed: failuresIn(lang, failed), ignoredColumns, enrolled };
  }

  /** Reads a roster as the cohort's organization admits participants (with or without a NIP). */
  async function parse(data: Buffer, format: RosterFormat, orgId: string) {
    const { allowNonAsnParticipants } = await directory.organizationSettings(orgId);
    try {
      return await parseRoster(data, format, { allowWithoutNip: allowNonAsnParticipants });
    } catch (error) {
      if (error instanceof RosterFileError && error.tooLarge)
        throw new AppError(413, 'ROSTER_TOO_LARGE', error.message).with({ reason: error.reason });
      if (error instanceof RosterFileError)
        throw new ValidationError(error.message, [{ path: 'body.file', message: error.reason }], 'ROSTER_INVALID').with(
          {
            reason: error.reason,
          },
        );
      throw error;
    }
  }

  /** Runs the whole roster in one transaction; for a dry run the transaction is rolled back. */
  async function importNow(
    actor: Actor,
    cohortId: string,
    parsed: Awaited<ReturnType<typeof parseRoster>>,
    dryRun: boolean,
    lang: Lang,
  ): Promise<RosterSummary> {
    try {
      return await db.transaction(async (tx) => {
        const cohort = await cohortOr404(tx, actor, cohortId, true);
        const part = await applyRoster(tx, cohort, parsed.rows);
        const enrolled = (await repo.enrolledCounts(tx, [cohort.id])).get(cohort.id) ?? 0;
        const summary = summarize(lang, dryRun, parsed.failed, parsed.ignoredColumns, [part], enrolled);
        if (dryRun) throw new DryRunRollback({ ...summary, enrolled: enrolled - part.enrolledIds.length });
        await audit(tx, actor, cohort, 'cohort.roster_imported', { counts: summary.counts });
        return summary;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.value as RosterSummary;
      throw error;
    }
  }

  return {
    applyRoster,

    /**
     * Imports a participant file. Up to `importSyncMaxRows` rows are applied in this request
     * (committed before the answer); larger files become a background job whose progress is polled.
     */
    async importRoster(
      actor: Actor,
      cohortId: string,
      file: { data: Buffer; format: RosterFormat },
      dryRun: boolean,
      lang: Lang = DEFAULT_LANG,
    ) {
      const cohort = await cohortOr404(db, actor, cohortId);
      const parsed = await parse(file.data, file.format, cohort.orgId);
      const total = parsed.rows.length + parsed.failed.length;
      if (total <= settings.importSyncMaxRows) {
        return { kind: 'summary' as const, summary: await importNow(actor, cohortId, parsed, dryRun, lang) };
      }
      const job = await jobs.create({
        orgId: cohort.orgId,
        kind: 'enrollment-import',
        params: { cohortId, format: file.format, dryRun, actorId: actor.userId, requestId: actor.requestId, lang },
        input: file.data,
        total,
        createdBy: actor.userId,
      });
      // The job and its file are committed: should the queue not answer in time, the write still
      // lands once it does, and a worker queues unfinished jobs again at its start.
      await enqueue(
        'imports',
        'enrollment-import',
        { jobId: job.id },
        { jobId: job.id, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
      ).catch(() => undefined);
      return { kind: 'job' as const, job };
    },

    /** The worker's side of a large import: chunked commits with progress; safe to run again. */
    async runImportJob(jobId: string): Promise<void> {
      const job = await jobs.claim(jobId);
      if (!job || !job.input) return;
      const params = job.params as {
        cohortId: string;
        format: RosterFormat;
        dryRun: boolean;
        actorId: string | null;
        requestId: string | null;
        /** The language of the request that started the import: its row reasons are written in it. */
        lang?: Lang;
      };
      const lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
      const actor: Actor = {
        userId: params.actorId,
        role: 'system',
        scope: { kind: 'org', orgId: job.orgId },
        requestId: params.requestId,
      };
      try {
        const parsed = await parse(job.input, params.format, job.orgId);
        const parts: Array<Awaited<ReturnType<typeof applyRoster>>> = [];
        let processed = parsed.failed.length;
        const chunks = async (tx: DbExecutor | null) => {
          for (let i = 0; i < parsed.rows.length; i += IMPORT_CHUNK_ROWS) {
            const chunk = parsed.rows.slice(i, i + IMPORT_CHUNK_ROWS);
            const run = async (t: DbExecutor) =>
              parts.push(await applyRoster(t, await cohortOr404(t, actor, params.cohortId, true), chunk));
            if (tx) await run(tx);
            else await db.transaction(run);
            processed += chunk.length;
            await jobs.progress(jobId, processed);
          }
        };
        let enrolled: number;
        if (params.dryRun) {
          const before = (await repo.enrolledCounts(db, [params.cohortId])).get(params.cohortId) ?? 0;
          await db
            .transaction(async (tx) => {
              await chunks(tx);
              throw new DryRunRollback(null);
            })
            .catch((error: unknown) => {
              if (!(error instanceof DryRunRollback)) throw error;
            });
          enrolled = before;
        } else {
          await chunks(null);
          enrolled = (await repo.enrolledCounts(db, [params.cohortId])).get(params.cohortId) ?? 0;
        }
        const summary = summarize(lang, params.dryRun, parsed.failed, parsed.ignoredColumns, parts, enrolled);
        if (!params.dryRun) {
          const cohort = (await repo.findCohort(db, actor.scope, params.cohortId))!;
          await audit(db, actor, cohort, 'cohort.roster_imported', { counts: summary.counts, jobId });
        }
        await jobs.finish(jobId, summary as unknown as Record<string, unknown>);
      } catch (error) {
        if (error instanceof AppError) {
          await jobs.fail(jobId, problemText(lang, error.code, error.params, error.detailKey).detail);
          return;
        }
        throw error;
      }
    },
  };
}

export type RosterImport = ReturnType<typeof createRosterImport>;
