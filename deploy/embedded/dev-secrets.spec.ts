import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DevSecrets } from './dev-secrets';

describe('DevSecrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'bcci-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a secret once and returns the same one after reopening', () => {
    const first = DevSecrets.open(dir).get('intake.piiEncryptionKey', 32);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(DevSecrets.open(dir).get('intake.piiEncryptionKey', 32)).toBe(first);
    expect(DevSecrets.open(dir).authJwtSecret()).not.toBe(first);
  });

  it('keeps the file readable by its owner only', () => {
    DevSecrets.open(dir).authJwtSecret();
    const file = path.join(dir, 'dev-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).secrets['auth.jwtSecret']).toMatch(/^\S{32,}$/);
  });
});
