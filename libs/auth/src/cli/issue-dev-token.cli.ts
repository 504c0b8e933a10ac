// Prints a development access token: npm run token -- --role clerk --postal-code 33100 [--secret S]
// The secret defaults to AUTH_JWT_SECRET, then to the documented development secret.
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../role';
import { DEV_JWT_SECRET, issueDevToken } from '../token/issue-dev-token';

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      subject: { type: 'string' },
      name: { type: 'string' },
      'postal-code': { type: 'string' },
      'agency-id': { type: 'string' },
      'province-code': { type: 'string' },
      ttl: { type: 'string' },
      secret: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role) {
    console.error(
      `usage: issue-dev-token --role <${ROLES.join('|')}> [--postal-code 33100] [--agency-id ID] [--province-code 15]\n` +
        '                       [--subject ID] [--name "Nguyễn Văn A"] [--ttl seconds] [--secret S]',
    );
    process.exit(values.help ? 0 : 2);
  }
  if (!isRole(values.role)) {
    console.error(`unknown role "${values.role}"; one of ${ROLES.join(', ')}`);
    process.exit(2);
  }
  const ttlSeconds = values.ttl ? Number(values.ttl) : undefined;
  if (ttlSeconds !== undefined && (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)) {
    console.error('--ttl must be a positive number of seconds');
    process.exit(2);
  }
  try {
    const token = issueDevToken(
      {
        role: values.role,
        subject: values.subject,
        displayName: values.name,
        postalCode: values['postal-code'],
        agencyId: values['agency-id'],
        provinceCode: values['province-code'],
        ttlSeconds,
      },
      values.secret ?? (process.env['AUTH_JWT_SECRET'] || DEV_JWT_SECRET),
    );
    process.stdout.write(`${token}\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}

main();
