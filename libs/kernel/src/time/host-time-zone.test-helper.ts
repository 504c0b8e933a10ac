// Test-only helper (not exported from the package).
/**
 * Host-zone independence: Jest gives each test file its own copy of process.env, so changing TZ here
 * would not reach the runtime. Instead every zone-dependent Date getter is made to throw: any code path
 * that reads the host zone then fails, whatever zone the CI machine is in.
 */
export function forbidHostTimeZone(): void {
  const localGetters = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getTimezoneOffset', 'toDateString', 'toLocaleDateString'] as const;
  for (const getter of localGetters) {
    jest.spyOn(Date.prototype, getter).mockImplementation(() => {
      throw new Error(`Date.prototype.${getter} depends on the host time zone`);
    });
  }
}
