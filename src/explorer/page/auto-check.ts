/**
 * The server's check of the review as the reader edits it: problems only the graph can show (a
 * circle of containment, a key that names an entity of another kind) come beside their rows
 * without a click. A check starts a while after the last edit (debounced); a newer edit cancels
 * the one on its way (its answer, about a review that is gone, is dropped) and never more than one
 * is in flight: an edit made meanwhile is checked when the one in flight is done.
 */

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const WINDOW_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface AutoCheckOptions<T> {
  /** How long after the last edit a check starts (ms). */
  delay: number;
  /** Runs the check; `signal` is aborted when a newer edit makes its answer moot. */
  run(signal: AbortSignal): Promise<T>;
  /** The answer of the check of the latest edit. */
  done(answer: T): void;
  /** Its failure (not called for a check cancelled by a newer edit). */
  failed(error: unknown): void;
  timers?: Timers;
}

export interface AutoCheck {
  /** The review changed: check it after the delay, dropping what is on its way. */
  edited(): void;
  /** Stop: nothing more is checked or answered (the view was left). */
  stop(): void;
  /** Whether a check is on its way (for a test, or a busy mark). */
  readonly inFlight: boolean;
}

export function autoCheck<T>(options: AutoCheckOptions<T>): AutoCheck {
  const timers = options.timers ?? WINDOW_TIMERS;
  let generation = 0;
  let timer: unknown = null;
  let running: AbortController | null = null;
  /** An edit's delay ran out while a check was in flight: check again once it is done. */
  let again = false;
  let stopped = false;

  function start(): void {
    const mine = generation;
    const controller = new AbortController();
    running = controller;
    let answer: Promise<T>;
    try {
      answer = options.run(controller.signal);
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer
      .then(
        (value) => {
          if (!stopped && mine === generation) options.done(value);
        },
        (error: unknown) => {
          if (!stopped && mine === generation) options.failed(error);
        },
      )
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          start();
        }
      });
  }

  return {
    edited() {
      if (stopped) return;
      generation += 1;
      running?.abort();
      if (timer !== null) timers.clear(timer);
      timer = timers.set(() => {
        timer = null;
        if (running) again = true;
        else start();
      }, options.delay);
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      running?.abort();
    },
    get inFlight() {
      return running !== null;
    },
  };
}
