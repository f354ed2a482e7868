-- 1,000,000 live profiles (50,000 more merged away), 2,305,000 identities, 50,000 merges, 2,600,000 segment memberships,
-- in the derived-state tables' shapes (src/Sightline.Storage.Sqlite/Schema.cs). Run: see bench/results/overview.md.
PRAGMA journal_mode=WAL;
CREATE TABLE profiles (id INTEGER PRIMARY KEY, canonical_id INTEGER NOT NULL);
CREATE INDEX profiles_by_canonical ON profiles (canonical_id);
CREATE TABLE identities (type TEXT NOT NULL, lookup BLOB NOT NULL, value NOT NULL, profile_id INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (type, lookup, profile_id)) WITHOUT ROWID;
CREATE INDEX identities_by_profile ON identities (profile_id);
CREATE TABLE merges (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, from_id INTEGER NOT NULL, into_id INTEGER NOT NULL, via_type TEXT NOT NULL, via_value TEXT NOT NULL, blocked INTEGER NOT NULL, reason TEXT, evidence TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1050000)
INSERT INTO profiles SELECT i, CASE WHEN i % 21 = 0 THEN i - 1 ELSE i END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1050000)
INSERT INTO identities SELECT 'anonymous_id', randomblob(32), hex(randomblob(20)), CASE WHEN i % 21 = 0 THEN i - 1 ELSE i END, i FROM n WHERE i % 5 < 3;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1050000)
INSERT INTO identities SELECT 'email', randomblob(32), hex(randomblob(20)), CASE WHEN i % 21 = 0 THEN i - 1 ELSE i END, i FROM n WHERE i % 3 > 0;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1050000)
INSERT INTO identities SELECT 'user_id', randomblob(32), hex(randomblob(20)), CASE WHEN i % 21 = 0 THEN i - 1 ELSE i END, i FROM n WHERE i % 2 = 0;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1050000)
INSERT INTO identities SELECT 'phone', randomblob(32), hex(randomblob(20)), CASE WHEN i % 21 = 0 THEN i - 1 ELSE i END, i FROM n WHERE i % 7 < 3;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 50000)
INSERT INTO merges (seq, from_id, into_id, via_type, via_value, blocked) SELECT i, i*21, i*21-1, 'email', 'x', i % 10 = 0 FROM n;
CREATE TABLE segment_members (segment_id INTEGER NOT NULL, profile_id INTEGER NOT NULL, since INTEGER NOT NULL, PRIMARY KEY (segment_id, profile_id)) WITHOUT ROWID;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1000000)
INSERT INTO segment_members SELECT s, i, 0 FROM n, (SELECT 1 AS s UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) WHERE (i * s) % 5 < 2;
