package ru.wbassist.server.admin;

import ru.wbassist.db.DatabaseConfig;

/** The admin API on the embedded H2 store. */
class AdminApiH2Test extends AdminApiContract {

    @Override
    DatabaseConfig.Vendor vendor() {
        return DatabaseConfig.Vendor.H2;
    }
}
