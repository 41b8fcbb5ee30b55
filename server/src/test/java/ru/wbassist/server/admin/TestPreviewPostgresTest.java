package ru.wbassist.server.admin;

import ru.wbassist.db.DatabaseConfig;

/** The test-send preview on PostgreSQL. */
class TestPreviewPostgresTest extends TestPreviewContract {

    @Override
    DatabaseConfig.Vendor vendor() {
        return DatabaseConfig.Vendor.POSTGRESQL;
    }
}
