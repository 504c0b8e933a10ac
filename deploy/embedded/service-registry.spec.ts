import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DevSecrets } from './dev-secrets';
import { SERVICES } from './service-registry';
import { discoverServices } from './start-stack';

describe('service registry', () => {
  it('gives every service the port and database of docs/architecture.md §3, each unique', () => {
    const expected: Record<string, [number, string | undefined]> = {
      intake: [3001, 'bcci_intake'],
      digitization: [3002, 'bcci_digitization'],
      forwarding: [3003, 'bcci_forwarding'],
      'agency-gateway': [3004, 'bcci_agency_gateway'],
      returns: [3005, 'bcci_returns'],
      tracking: [3006, 'bcci_tracking'],
      'agency-simulator': [3007, 'bcci_agency_simulator'],
      'post-office-app': [3008, undefined],
    };
    expect(Object.fromEntries(SERVICES.map((s) => [s.name, [s.port, s.database]]))).toEqual(expected);
  });

  it("gives intake its personal-data keys (32 bytes each) from the stack's secrets and tracking's look-up URL", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcci-registry-'));
    try {
      const env = SERVICES.find((s) => s.name === 'intake')!.environment!(DevSecrets.open(dir), { urlOf: (name) => `http://127.0.0.1:1${name.length}` });
      expect(Buffer.from(env.PII_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
      expect(Buffer.from(env.PII_INDEX_KEY, 'base64')).toHaveLength(32);
      expect(env.PII_ENCRYPTION_KEY).not.toBe(env.PII_INDEX_KEY);
      expect(env.PUBLIC_LOOKUP_BASE_URL).toBe('http://127.0.0.1:18/lookup');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('discoverServices', () => {
    let root: string;
    const addService = (name: string) => {
      mkdirSync(path.join(root, 'services', name, 'src'), { recursive: true });
      writeFileSync(path.join(root, 'services', name, 'src', 'main.ts'), '');
    };
    beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'bcci-discover-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('starts nothing when there is no service yet', () => {
      expect(discoverServices(root)).toEqual({ present: [], unregistered: [] });
    });

    it('starts registered services that have a main.ts, in registry order, and names unregistered ones', () => {
      addService('tracking');
      addService('intake');
      addService('billing');
      mkdirSync(path.join(root, 'services', 'returns', 'src'), { recursive: true }); // being written: no main.ts yet
      const found = discoverServices(root);
      expect(found.present.map((s) => s.name)).toEqual(['intake', 'tracking']);
      expect(found.unregistered).toEqual(['billing']);
    });

    it('keeps only the services asked for, and refuses names it cannot start', () => {
      addService('intake');
      addService('tracking');
      expect(discoverServices(root, ['tracking']).present.map((s) => s.name)).toEqual(['tracking']);
      expect(() => discoverServices(root, ['billing'])).toThrow(/unknown service/);
      expect(() => discoverServices(root, ['returns'])).toThrow(/without services\/<name>\/src\/main.ts/);
    });
  });
});
