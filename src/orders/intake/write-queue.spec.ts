import { WriteQueue } from './write-queue';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('WriteQueue', () => {
  it('runs writes one at a time, in the order they were pushed', async () => {
    const queue = new WriteQueue(3);
    const log: string[] = [];
    const first = deferred();
    await queue.push(async () => {
      log.push('1 start');
      await first.promise;
      log.push('1 end');
    });
    await queue.push(async () => {
      log.push('2');
    });
    await turn();
    expect(log).toEqual(['1 start']);
    first.resolve();
    await queue.drain();
    expect(log).toEqual(['1 start', '1 end', '2']);
  });

  it('lets the caller go on while a write runs, but holds it back when depth writes wait', async () => {
    const queue = new WriteQueue(1);
    const first = deferred();
    await queue.push(() => first.promise);
    let secondPushed = false;
    const second = queue.push(async () => undefined).then(() => (secondPushed = true));
    await turn();
    expect(secondPushed).toBe(false);
    first.resolve();
    await second;
    expect(secondPushed).toBe(true);
    await queue.drain();
  });

  it('stops at the first failure: later writes never run and the failure surfaces', async () => {
    const queue = new WriteQueue(2);
    const ran: number[] = [];
    await queue.push(async () => {
      ran.push(1);
      throw new Error('deadlock');
    });
    await queue.push(async () => {
      ran.push(2);
    });
    await expect(queue.drain()).rejects.toThrow('deadlock');
    expect(ran).toEqual([1]);
  });

  it('reports a failure at the next push once the queue is full', async () => {
    const queue = new WriteQueue(1);
    await queue.push(() => Promise.reject(new Error('lost connection')));
    await expect(queue.push(async () => undefined)).rejects.toThrow('lost connection');
  });

  it('settles without throwing, after the write under way has ended', async () => {
    const queue = new WriteQueue(2);
    const write = deferred();
    let ended = false;
    await queue.push(() => write.promise.finally(() => (ended = true)));
    const settled = queue.settle();
    write.reject(new Error('rolled back'));
    await settled;
    expect(ended).toBe(true);
  });
});
