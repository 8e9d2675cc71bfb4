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
      this.work(batch)
        .catch((error: unknown) => {
          for (const item of batch) item.reject(error);
        })
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }
}
