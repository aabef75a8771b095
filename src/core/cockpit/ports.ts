// What the cockpit needs from storage besides the statistics, targets, registries and supervision stores.
export interface CockpitStore {
  /** Changes whenever a write leaves an audit row (app or value audit): the newest `at` of both. */
  watermark(): Promise<string>;
  /** Changes whenever the directory may have changed: the newest audit row other than data writes, report steps and logins. */
  directoryWatermark(): Promise<string>;
}
