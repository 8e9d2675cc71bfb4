import { parentPort } from 'node:worker_threads';
import { producePdf, type PdfTask } from './render-pool.js';

// A worker thread of the PDF pool: one task at a time, the PDF handed back without a copy.
parentPort!.on('message', async (task: PdfTask) => {
  try {
    const pdf = await producePdf({
      ...task,
      logo: task.logo ? { ...task.logo, data: Buffer.from(task.logo.data) } : null,
      pkcs12: task.pkcs12 ? { ...task.pkcs12, file: Buffer.from(task.pkcs12.file) } : undefined,
    });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort!.postMessage({ pdf: bytes });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
