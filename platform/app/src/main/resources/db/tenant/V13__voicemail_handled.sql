-- A voicemail is handled once somebody dealt with it on the call center page (its callback task, if it
-- has one, closes in the same transaction); the first to do so is kept and a second is told who it was.
ALTER TABLE voicemail ADD COLUMN handled_by VARCHAR(64);
ALTER TABLE voicemail ADD COLUMN handled_at DATETIME(3);
ALTER TABLE voicemail ADD COLUMN handled_outcome VARCHAR(20);

-- Voicemail playbacks are audited on their call beside the recording's (VOICEMAIL_LINK_DOWNLOAD is 23 long).
ALTER TABLE recording_access MODIFY COLUMN action VARCHAR(32) NOT NULL;
