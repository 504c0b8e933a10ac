// `npm run staff:password`: the scrypt hash of a staff member's password, for the roster file.
// The password is read from standard input (typed, or piped), never from the command line where `ps` and
// the shell history would keep it.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { hashStaffPassword } from './staff-roster';

const MIN_LENGTH = 10;

async function main(): Promise<void> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 10 characters), then Enter: ');
  const lines = createInterface({ input: process.stdin });
  const password = await new Promise<string>((resolve) => {
    lines.once('line', resolve);
    lines.once('close', () => resolve(''));
  });
  lines.close();
  if (password.length < MIN_LENGTH) {
    process.stderr.write(`\nrefused: the password must have at least ${MIN_LENGTH} characters\n`);
    process.exit(64);
  }
  process.stdout.write(`${hashStaffPassword(password, randomBytes(16))}\n`);
}

void main();
