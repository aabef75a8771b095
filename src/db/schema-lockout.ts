// Row types of the account lockout (migration 0012-lockout).
export interface LoginFailureTable {
  username: string;
  failures: number;
  window_start: string | Date;
  locked_until: string | Date | null;
  updated_at: string | Date;
}

export interface LockoutTables {
  login_failure: LoginFailureTable;
}
