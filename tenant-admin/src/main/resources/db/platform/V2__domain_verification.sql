-- WeCom has each tenant's app prove it may use the shared domain (可信域名) with a file at the domain's
-- root (WW_verify_<code>.txt). Names are unique across tenants; each tenant sees and deletes its own.
CREATE TABLE domain_verification (
    file_name    VARCHAR(64)  NOT NULL PRIMARY KEY,
    content      VARCHAR(128) NOT NULL,
    tenant_id    BIGINT       NOT NULL,
    uploaded_by  VARCHAR(50)  NOT NULL,
    uploaded_at  DATETIME(3)  NOT NULL
);
CREATE INDEX ix_domain_verification_tenant ON domain_verification (tenant_id);
