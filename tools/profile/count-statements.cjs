/**
 * Preload that counts the SQL statements a Node process sends through `pg`, by text, its round trips to
 * PostgreSQL (key `pg round trips`), and the Kafka
 * requests it sends through kafkajs, by API (keys `kafka <ApiName>`), and writes the counts to
 * STATEMENT_COUNT_DIR/<service>-<pid>.json every 2 s and at exit:
 *   STATEMENT_COUNT_DIR=/tmp/sql NODE_OPTIONS="--require $PWD/tools/profile/count-statements.cjs" npm run bench -- …
 * Summarise with tools/profile/summarise-statements.mjs (divide by the journeys; start-up migrations add a few dozen).
 */
const fs = require('node:fs');
const path = require('node:path');

const directory = process.env.STATEMENT_COUNT_DIR;
if (directory) {
  fs.mkdirSync(directory, { recursive: true });
  const entry = process.argv[1] ?? 'node';
  const label = (/services\/([^/]+)\//.exec(entry)?.[1] ?? path.basename(entry)).replace(/[^\w.-]/g, '_');
  const file = path.join(directory, `${label}-${process.pid}.json`);
  const counts = new Map();
  const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
  // The repository's packages, whichever directory the process started in.
  const load = (name) => {
    try {
      return require(require.resolve(name, { paths: [process.cwd(), path.join(__dirname, '../..')] }));
    } catch {
      return undefined;
    }
  };
  const pg = load('pg');
  const KafkaConnection = load('kafkajs/src/network/connection');
  if (KafkaConnection) {
    const originalSend = KafkaConnection.prototype.send;
    KafkaConnection.prototype.send = function countedSend(protocol, ...rest) {
      count(`kafka ${protocol?.request?.apiName ?? 'unknown'}`);
      return originalSend.call(this, protocol, ...rest);
    };
  }
  if (pg || KafkaConnection) {
    const write = () => fs.writeFileSync(file, JSON.stringify(Object.fromEntries(counts)));
    setInterval(write, 2000).unref();
    process.on('exit', write);
  }
  if (pg) {
    // Round trips to PostgreSQL: each ends with a Sync (extended protocol) or is one simple Query. A
    // statement sent with the next one (a pipelined BEGIN, a deferred write) shares its round trip.
    // Statements executed: each is an Execute (extended protocol) or a simple Query, whether sent alone
    // or with others (writes deferred to the next statement are executed, but never pass Client.query).
    const connection = pg.Connection.prototype;
    const counted = { sync: ['pg round trips'], query: ['pg round trips', 'pg statements executed'], execute: ['pg statements executed'] };
    for (const [message, keys] of Object.entries(counted)) {
      const send = connection[message];
      connection[message] = function countedMessage(...args) {
        for (const key of keys) count(key);
        return send.apply(this, args);
      };
    }
    // Transactions by shape (key `pg transaction: a → b → COMMIT`): the statements sent as queries between
    // BEGIN and COMMIT or ROLLBACK, each cut to its first words. Deferred writes never pass Client.query,
    // so a shape's length is the transaction's round trips (its BEGIN travels with the first statement).
    const shapes = new WeakMap();
    const shortly = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 60);
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function countedQuery(config, ...rest) {
      const text = typeof config === 'string' ? config : config?.text;
      if (typeof text === 'string') {
        count(text.replace(/\s+/g, ' ').trim().slice(0, 300));
        // PreparedStatementClient sends BEGIN with the transaction's first statement: a query object
        // flagged `begin`, or `BEGIN;\n<statement>` as one simple query.
        const begins = config?.begin === true || /^\s*(BEGIN|START TRANSACTION)\s*;/i.test(text) || /^\s*(BEGIN|START TRANSACTION)\s*$/i.test(text);
        if (begins) shapes.set(this, /^\s*(BEGIN|START TRANSACTION)\s*;?\s*$/i.test(text) ? [] : [shortly(text.replace(/^\s*BEGIN;\s*/i, ''))]);
        else if (shapes.has(this)) {
          shapes.get(this).push(shortly(text));
          if (/^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i.test(text)) {
            count(`pg transaction: ${shapes.get(this).join(' → ')}`);
            shapes.delete(this);
          }
        }
      }
      return original.call(this, config, ...rest);
    };
  }
}
