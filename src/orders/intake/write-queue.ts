// Runs writes one after another, in the order given, while the caller goes on preparing the
// next ones. At most `depth` writes wait, so memory stays bounded. The first failure stops
// the queue: no later write runs, and the failure surfaces at the next push or at drain.
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly waiting: Array<Promise<void>> = [];

  constructor(private readonly depth: number) {}

  async push(write: () => Promise<void>): Promise<void> {
    while (this.waiting.length >= this.depth) await this.waiting.shift();
    const next = this.tail.then(write);
    // Observed here so a failure between two awaits is not an unhandled rejection; it is
    // still thrown to whoever awaits it.
    next.catch(() => undefined);
    this.tail = next;
    this.waiting.push(next);
  }

  /** Resolves once every write is done; rejects with the first failure. */
  async drain(): Promise<void> {
    this.waiting.length = 0;
    await this.tail;
  }

  /** Waits for the write under way to end, however it ends. */
  settle(): Promise<void> {
    return this.tail.catch(() => undefined);
  }
}
