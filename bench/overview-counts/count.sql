-- The overview's slow counts, as SqliteActivityCounts.ProfilesAsync and SqliteSegmentStore.SizesAsync run them.
.timer on
SELECT count(*) FROM profiles WHERE id = canonical_id;
SELECT count(*) FROM (SELECT DISTINCT profile_id FROM identities INDEXED BY identities_by_profile WHERE type <> 'anonymous_id');
SELECT count(*) FROM merges WHERE blocked = 0;
SELECT count(*) FROM merges WHERE blocked = 1;
SELECT segment_id, count(*) FROM segment_members GROUP BY segment_id;
