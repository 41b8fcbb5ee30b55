package ru.wbassist.server.admin;

import ru.wbassist.db.DatabaseConfig;

/** The test-send preview on the embedded H2 store. */
class TestPreviewH2Test extends TestPreviewContract {

    @Override
    DatabaseConfig.Vendor vendor() {
        return DatabaseConfig.Vendor.H2;
    }
}
