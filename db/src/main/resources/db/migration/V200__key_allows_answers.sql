-- Whether the cabinet's WB key may answer reviews and questions (Feedbacks category, not read-only), noted when the
-- key is stored: the key itself is encrypted, and the notification queue decides the "Ответить" button from it.
-- Keys stored before this migration count as allowing answers; answering checks the key itself anyway.
ALTER TABLE wb_cabinets ADD COLUMN key_allows_answers BOOLEAN NOT NULL DEFAULT TRUE;
