-- Several nodes (issue 21): the documents' content moves from a folder of one node into the shared database, one row
-- per content (SHA-256), sealed (encrypted at rest) exactly as the files were. bytea rather than large objects: the
-- largest document is fundguard.documents.max-size (20 MB) against bytea's 1 GB; one pg_dump holds the content with
-- the rows that name it; a row is written in the transaction of the stored_document row that names it; large objects
-- would need lo_unlink and their own privileges, and H2 (the default installation) has none.
create table document_content (
    sha256    varchar(64)              primary key,
    sealed    bytea                    not null,
    stored_at timestamp with time zone not null
);
