-- Paged lists of live documents (server/query/): each list's filter fields, then its order, then id.
-- Every collection lists last changed first; credit records and decisions by subject and status too.
CREATE INDEX documents_live_changed ON documents (collection, feed, (body ->> 'updatedAt'), id) WHERE NOT deleted;
CREATE INDEX documents_live_subject ON documents (collection, feed, (body ->> 'subjectId'), (body ->> 'updatedAt'), id)
  WHERE NOT deleted AND collection IN ('creditRecords', 'disclosures');
CREATE INDEX documents_live_status ON documents (collection, feed, (body ->> 'status'), (body ->> 'updatedAt'), id)
  WHERE NOT deleted AND collection IN ('subjects', 'creditRecords');
CREATE INDEX credit_records_live_category ON documents (feed, (body ->> 'category'), (body ->> 'updatedAt'), id)
  WHERE NOT deleted AND collection = 'creditRecords';
CREATE INDEX subjects_live_name ON documents (feed, (body ->> 'name'), id) WHERE NOT deleted AND collection = 'subjects';
CREATE INDEX disclosures_live_decided ON documents (feed, (body ->> 'decisionDate'), id)
  WHERE NOT deleted AND collection = 'disclosures';
