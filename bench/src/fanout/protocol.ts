// Messages between the fan-out runner (the server's process) and its load process (child.ts).

/** One graphql-ws client: a session token, the operation the real client sends, its variables. */
export interface Subscriber {
  token: string;
  query: string;
  variables: Record<string, string>;
}

/** A teacher's lesson and student whose mark the driver adds and removes in turn. */
export interface DrivePair {
  token: string;
  lessonId: string;
  studentId: string;
}

export type Command =
  | { type: 'connect'; url: string; subscribers: Subscriber[] }
  | { type: 'storm'; withinMs: number }
  /** `rate` events/s over all lanes, or null: as fast as one mutation in flight per lane allows. */
  | {
      type: 'drive';
      url: string;
      pairs: DrivePair[];
      lanes: number;
      rate: number | null;
      seconds: number;
    }
  | { type: 'stop' }
  | { type: 'count' }
  | { type: 'receipts'; withReceivers: boolean }
  | { type: 'raw-connect'; url: string; count: number }
  | { type: 'raw-expect'; expected: number }
  | { type: 'close' };

export type Answer =
  | { type: 'done' }
  | { type: 'failed'; message: string }
  | { type: 'stormed'; startedAt: number }
  | { type: 'driven'; events: number; failed: number; seconds: number }
  | {
      type: 'receipts';
      /** `kind:markId` → receipt times (ms since the epoch, sub-ms precision). */
      receipts: [string, number[]][];
      /** `kind:markId` → indices of the subscribers that received it. */
      receivers: [string, number[]][];
      /** `kind:markId` → the payload its first receipt carried, as JSON (with `receivers`). */
      payloads: [string, string][];
      errors: string[];
    }
  /** `cpuMs`: the load process's CPU time so far (user + system). */
  | { type: 'count'; receipts: number; cpuMs: number }
  | { type: 'raw-armed' }
  | { type: 'raw-received'; at: number };
