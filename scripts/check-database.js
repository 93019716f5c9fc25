// Exits 0 when the DATABASE_URL credentials log in; used by ensure-services.sh.
const mariadb = require('mariadb');
const url = new URL(process.argv[2]);
mariadb
  .createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 3000,
  })
  .then((conn) => conn.end())
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
