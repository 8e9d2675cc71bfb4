export interface Pending<In, Out> {
  input: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

/**
 * Gathers concurrent requests into batches: while `maxInFlight` batches are being worked on, new
 * requests wait and then go together. Under light load each request runs alone at once; under heavy
 * load one database round trip serves many requests, which is what keeps throughput up. Every
 * caller still gets its own answer only after its batch is done.
 *
 * A batch that fails as a whole fails no one for that alone: every request it has not answered
 * yet is worked on again by itself, so a request that breaks a round gets its own error and the
 * others their answers.
 */
export class Coalescer<In, Out> {
  private readonly waiting: Array<Pending<In, Out>> = [];
  private inFlight = 0;

  constructor(
    private readonly work: (batch: Array<Pending<In, Out>>) => Promise<void>,
    private readonly options: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      this.runIsolating(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async runIsolating(batch: Array<Pending<In, Out>>): Promise<void> {
    const open = new Set<Pending<In, Out>>();
    const tracked = batch.map((item) => {
      const t: Pending<In, Out> = {
        input: item.input,
        resolve: (v) => {
          open.delete(t);
          item.resolve(v);
        },
        reject: (e) => {
          open.delete(t);
          item.reject(e);
        },
      };
      open.add(t);
      return t;
    });
    try {
      await this.work(tracked);
    } catch (error) {
      if (tracked.length === 1) {
        for (const item of open) item.reject(error);
        return;
      }
      await Promise.all(
        [...open].map((item) =>
          this.work([item]).catch((alone: unknown) => {
            if (open.has(item)) item.reject(alone);
          }),
        ),
      );
    }
  }
}
