// Exits 0 when the DATABASE_URL credentials log in to a MariaDB the app can use; used by
// ensure-services.sh. Exit 1: cannot log in; exit 3: the server is too old (the intake's
// bulk updates use JSON_TABLE, MariaDB 10.6 and later).
const mariadb = require('mariadb');
const url = new URL(process.argv[2]);
const MINIMUM = [10, 6];
mariadb
  .createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 3000,
  })
  .then(async (conn) => {
    const [{ version }] = await conn.query('SELECT VERSION() AS version');
    await conn.end();
    const [major, minor] = version.split(/[.-]/).map(Number);
    if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
      console.error(
        `MariaDB ${version} is too old: this app needs MariaDB ${MINIMUM.join('.')} or later.`,
      );
      process.exit(3);
    }
  })
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
