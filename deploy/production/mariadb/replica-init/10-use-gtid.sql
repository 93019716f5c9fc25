-- Runs once, on the replica's first start, after the image's entrypoint has issued
-- CHANGE MASTER TO (from MARIADB_MASTER_HOST / MARIADB_REPLICATION_*) and START REPLICA.
-- MariaDB ≥ 10.5 already defaults to GTID there; saying it explicitly keeps the replica on
-- GTID positioning (restartable, promotable) whatever that default becomes.
STOP REPLICA;
CHANGE MASTER TO MASTER_USE_GTID = slave_pos;
START REPLICA;
