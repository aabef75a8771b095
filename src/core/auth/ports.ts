// Failed-login bookkeeping for the account lockout (see lockout.ts).
export interface LoginFailureState {
  /** Failures counted since `windowStart`. */
  failures: number;
  windowStart: string;
  /** Set while the name is locked. */
  lockedUntil: string | null;
}

export interface LoginGuardStore {
  get(username: string): Promise<LoginFailureState | null>;
  put(username: string, state: LoginFailureState, now: string): Promise<void>;
  clear(username: string): Promise<void>;
}
