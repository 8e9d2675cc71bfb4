import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CertificateFields } from '../../db/schema.js';
import { renderCertificate, type Logo } from './document.js';
import { pkcs12Signer, type SignatureMeta } from './signers.js';

/** One certificate's PDF to make: rendered, and signed with a PKCS#12 file when one is given. */
export interface PdfTask {
  number: string;
  fields: CertificateFields;
  verifyUrl: string;
  logo: Logo | null;
  pkcs12?: { file: Buffer; passphrase: string; meta: SignatureMeta };
}

export async function producePdf(task: PdfTask): Promise<Buffer> {
  const pdf = await renderCertificate(task.number, task.fields, task.verifyUrl, { logo: task.logo });
  if (!task.pkcs12) return pdf;
  return pkcs12Signer(task.pkcs12.file, task.pkcs12.passphrase).sign(pdf, task.pkcs12.meta);
}

const require = createRequire(import.meta.url);

export interface PdfPool {
  run(task: PdfTask): Promise<Buffer>;
  close(): Promise<void>;
}

/** Renders on the calling thread: for one-off work and for `CERTIFICATE_RENDER_THREADS=0`. */
export const inlinePool: PdfPool = { run: producePdf, close: async () => undefined };

interface Pending {
  task: PdfTask;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Rendering and PKCS#12 signing are CPU work of tens of milliseconds each: done on worker threads,
 * they never hold up the event loop that answers requests and heartbeats. Threads start on first
 * use and keep the process alive only while they work.
 */
export function createPdfPool(threads = Math.min(4, availableParallelism())): PdfPool {
  if (threads <= 0) return inlinePool;
  const source = import.meta.url.endsWith('.ts');
  const file = new URL(source ? './render-thread.ts' : './render-thread.js', import.meta.url);
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();

  function spawn(): Worker {
    const worker = source
      ? // From TypeScript sources (tsx, tests), the thread registers tsx before loading its module.
        new Worker(
          `import(${JSON.stringify(pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
          { eval: true },
        )
      : new Worker(file);
    worker.on('message', (message: { pdf?: Uint8Array; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      if (job) {
        if (message.pdf) job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
        else job.reject(new Error(message.error ?? 'rendering failed'));
      }
      next(worker);
    });
    worker.on('error', (error) => {
      const job = busy.get(worker);
      busy.delete(worker);
      all.splice(all.indexOf(worker), 1);
      job?.reject(error);
    });
    all.push(worker);
    return worker;
  }

  function next(worker: Worker) {
    const job = queue.shift();
    if (!job) {
      worker.unref();
      idle.push(worker);
      return;
    }
    worker.ref();
    busy.set(worker, job);
    worker.postMessage(job.task);
  }

  return {
    run(task) {
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        const worker = idle.pop() ?? (all.length < threads ? spawn() : undefined);
        if (worker) next(worker);
      });
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
      all.length = 0;
      idle.length = 0;
    },
  };
}

let shared: PdfPool | undefined;
/** The process's one pool, sized by the first caller. */
export function sharedPdfPool(threads: number): PdfPool {
  shared ??= createPdfPool(threads);
  return shared;
}
