package ru.wbassist.server.admin;

import ru.wbassist.db.DatabaseConfig;

/** The admin API on PostgreSQL. */
class AdminApiPostgresTest extends AdminApiContract {

    @Override
    DatabaseConfig.Vendor vendor() {
        return DatabaseConfig.Vendor.POSTGRESQL;
    }
}
