-- Spreadsheet imports (members, residents): one row per uploaded file, the truth about its progress, so that any
-- node answers GET /api/v1/import-jobs/{id}; one row per rejected line of the file. Issues hold a message key and
-- its arguments (never an ID or phone number), rendered in the reader's language.
CREATE SEQUENCE import_job_seq START WITH 1000 INCREMENT BY 50;
CREATE TABLE import_job (
  id BIGINT NOT NULL PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,
  account_id BIGINT NOT NULL,
  username VARCHAR(64) NOT NULL,
  scope_path VARCHAR(400) NOT NULL,
  read_permission VARCHAR(100) NOT NULL,
  file_name VARCHAR(300) NOT NULL,
  state VARCHAR(20) NOT NULL,
  total_rows INTEGER NOT NULL,
  processed INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  failure VARCHAR(200),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_job_scope_idx ON import_job (scope_path);

CREATE TABLE import_row_issue (
  job_id BIGINT NOT NULL REFERENCES import_job (id),
  seq INTEGER NOT NULL,
  row_number INTEGER NOT NULL,
  column_name VARCHAR(100),
  message_key VARCHAR(100) NOT NULL,
  message_args VARCHAR(300),
  PRIMARY KEY (job_id, seq)
);
