-- Queue announcements (B7): how often a waiting caller hears their position and expected wait, in
-- seconds; 0 = never. On by default (every 30 s, and once on joining the queue): a caller who hears
-- only music assumes they were forgotten.
ALTER TABLE acd_settings ADD COLUMN announce_every_s INT NOT NULL DEFAULT 30;
